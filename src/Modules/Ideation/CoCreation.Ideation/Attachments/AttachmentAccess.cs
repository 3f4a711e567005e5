using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.GettingDetails;
using Marten;

namespace CoCreation.Ideation.Attachments;

/// <summary>
/// Who reads a file: its uploader; the idea's authors, moderators, legal and the campaign's brand, for every revision's
/// files; anyone else only the files of a public idea's current revision. Anything else is "not found".
/// </summary>
public static class AttachmentAccess
{
    public static bool MaySee(Viewer viewer, Attachment attachment, IdeaDetails? idea, string? campaignOrganisation) =>
        viewer.Id is not null && viewer.Id == attachment.UploadedBy
        || idea is not null && attachment.IdeaId == idea.Id
           && (viewer.SeesNonPublic(idea.Authors, campaignOrganisation)
               || IdeaVisibility.IsPublic(idea.Status) && idea.Attachments?.Any(a => a.Id == attachment.Id) == true);

    public static async Task<Attachment> Visible(IQuerySession session, Guid attachmentId, Viewer viewer, CancellationToken token)
    {
        var attachment = await session.LoadAsync<Attachment>(attachmentId, token) ?? throw new NotFound("attachment", attachmentId);
        var idea = attachment.IdeaId is { } ideaId ? await session.LoadAsync<IdeaDetails>(ideaId, token) : null;
        var campaign = idea is null ? null : await session.LoadAsync<CampaignDetails>(idea.CampaignId, token);
        return MaySee(viewer, attachment, idea, campaign?.Organisation) ? attachment : throw new NotFound("attachment", attachmentId);
    }

    /// <summary>The files of an idea in the order of its current revision, as the viewer may list them (the idea itself is already visible to them).</summary>
    public static async Task<IReadOnlyList<AttachmentResponse>> OfIdea(IQuerySession session, IdeaDetails idea, bool page, CancellationToken token)
    {
        var ids = idea.Attachments?.Select(a => a.Id).ToList() ?? [];
        if (ids.Count == 0) return [];
        var found = (await session.LoadManyAsync<Attachment>(token, ids)).ToDictionary(a => a.Id);
        return ids.Where(found.ContainsKey).Select(id => AttachmentResponse.Of(found[id], page)).ToList();
    }
}
