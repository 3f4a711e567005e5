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

    public static async Task<IReadOnlyDictionary<Guid, Attachment>> Load(IQuerySession session, IReadOnlyList<Guid> ids, CancellationToken token) =>
        ids.Count == 0 ? new Dictionary<Guid, Attachment>() : (await session.LoadManyAsync<Attachment>(token, ids)).ToDictionary(a => a.Id);

    /// <summary>Marks the files that were not yet part of the idea as its own.</summary>
    public static void Attach(IDocumentSession session, IReadOnlyDictionary<Guid, Attachment> found, IReadOnlyList<IdeaAttachment> chosen,
        Guid ideaId, int revision, DateTimeOffset now)
    {
        foreach (var file in chosen.Where(f => found[f.Id].IdeaId is null))
            session.Events.Append(file.Id, 2, new AttachmentAttached(file.Id, found[file.Id].CampaignId, ideaId, revision, now));
    }
}
