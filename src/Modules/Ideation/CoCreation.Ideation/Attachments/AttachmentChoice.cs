using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Contracts;
using Marten;

namespace CoCreation.Ideation.Attachments;

/// <summary>The files a submission or revision lists, in the order its author gave (the gallery's order).</summary>
public static class AttachmentChoice
{
    /// <summary>
    /// Pure: every listed file exists, was uploaded to this campaign by one of the idea's authors, is not erased and belongs
    /// to no other idea, and the campaign takes that many.
    /// </summary>
    public static IReadOnlyList<IdeaAttachment> Decide(IReadOnlyList<Guid> requested, IReadOnlyDictionary<Guid, Attachment> found, Campaign campaign,
        Guid ideaId, IReadOnlyList<string> authors)
    {
        if (requested.Count == 0) return [];
        var rules = campaign.Rules.AttachmentsInForce();
        if (requested.Count > rules.MaxFiles)
            throw new RuleViolated("too-many-attachments", $"Campaign {campaign.Id} takes at most {rules.MaxFiles} file{(rules.MaxFiles == 1 ? "" : "s")} per idea; {requested.Count} were listed.");
        var chosen = new List<IdeaAttachment>();
        foreach (var id in requested)
        {
            if (!found.TryGetValue(id, out var attachment) || !authors.Contains(attachment.UploadedBy))
                throw new RuleViolated("attachment-not-yours", $"Attachment {id} is not a file an author of this idea uploaded.");
            if (attachment.CampaignId != campaign.Id)
                throw new RuleViolated("attachment-of-another-campaign", $"Attachment {id} was uploaded to another campaign.");
            if (attachment.IdeaId is { } owner && owner != ideaId)
                throw new RuleViolated("attachment-of-another-idea", $"Attachment {id} already belongs to idea {owner}.");
            if (attachment.Erased)
                throw new RuleViolated("attachment-erased", $"Attachment {id} was erased with its uploader's data.");
            chosen.Add(attachment.AsContent());
        }
        return chosen;
    }

    /// <summary>The listed files already uploaded, with those uploaded along with this very request (not stored yet).</summary>
    public static async Task<IReadOnlyDictionary<Guid, Attachment>> Load(IQuerySession session, IReadOnlyList<Guid> ids, CancellationToken token,
        IReadOnlyList<AttachmentUploaded>? uploadedNow = null)
    {
        var known = (uploadedNow ?? []).Select(Attachment.Create).ToDictionary(a => a.Id);
        var stored = ids.Where(id => !known.ContainsKey(id)).ToList();
        if (stored.Count > 0)
            foreach (var attachment in await session.LoadManyAsync<Attachment>(token, stored)) known[attachment.Id] = attachment;
        return known;
    }

    /// <summary>
    /// Marks the files that were not yet part of the idea as its own (a file belongs to one idea: a second claim on it fails
    /// on its stream's version); a file uploaded with this request starts its stream here, uploaded and attached at once.
    /// </summary>
    public static void Attach(IDocumentSession session, IReadOnlyDictionary<Guid, Attachment> found, IReadOnlyList<IdeaAttachment> chosen,
        Guid ideaId, int revision, DateTimeOffset now, IReadOnlyList<AttachmentUploaded>? uploadedNow = null)
    {
        var fresh = (uploadedNow ?? []).ToDictionary(u => u.AttachmentId);
        foreach (var file in chosen.Where(f => found[f.Id].IdeaId is null))
        {
            var attached = new AttachmentAttached(file.Id, found[file.Id].CampaignId, ideaId, revision, now);
            if (fresh.TryGetValue(file.Id, out var uploaded)) session.Events.StartStream<Attachment>(file.Id, uploaded, attached);
            else session.Events.Append(file.Id, 2, attached);
        }
    }
}
