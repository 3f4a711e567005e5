using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Attachments;
using CoCreation.Ideation.Contracts;
using CoCreation.Ideation.Ideas.Submitting;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Revising;

public sealed record ReviseIdeaWithFiles(ReviseIdea Idea, IReadOnlyList<NewFile> Files);

public sealed record ReviseIdea(Guid IdeaId, string Title, string Description, IReadOnlyList<string> Tags, string By, IReadOnlyList<Guid>? Attachments = null);

/// <summary>
/// A new revision goes back to moderation. Content is frozen once the idea is published: supporters
/// backed that content, and its hash is what IntellectualProperty recorded (see docs/adr/0006).
/// </summary>
public static class ReviseIdeaHandler
{
    public static ReviseIdea ToCommand(IdeaRequest request, Guid ideaId, string by)
    {
        var (title, description, tags) = SubmitIdeaHandler.ValidContent(request);
        return new ReviseIdea(ideaId, title, description, tags, by, request.Attachments ?? []);
    }

    public static IdeaRevised Decide(Idea idea, ReviseIdea command, DateTimeOffset now, Campaigns.Campaign? campaign = null,
        IReadOnlyDictionary<Guid, Attachment>? files = null)
    {
        if (!idea.IsAuthor(command.By))
            throw new Forbidden("not-an-author", "Only the idea's authors and co-authors may revise it.");
        if (idea.Status is not (IdeaStatus.Submitted or IdeaStatus.Rejected))
            throw IdeaStreams.WrongStatus(idea, "idea-not-revisable", "it can be revised", IdeaStatus.Submitted, IdeaStatus.Rejected);
        var attachments = campaign is null ? [] : AttachmentChoice.Decide(command.Attachments ?? [], files ?? new Dictionary<Guid, Attachment>(), campaign, idea.Id, idea.Authors);
        return new IdeaRevised(idea.Id, idea.CampaignId, idea.Revision + 1, command.Title, command.Description, command.Tags, command.By, now, attachments);
    }

    public static Task<(IdeaSubmittedResponse, OutgoingMessages)> Handle(ReviseIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        Revise(command, null, session, clock, token);

    /// <summary>The edit form's post with new files: uploads and revision are one transaction.</summary>
    public static Task<(IdeaSubmittedResponse, OutgoingMessages)> Handle(ReviseIdeaWithFiles command, IDocumentSession session, CoCreation.BuildingBlocks.Blobs.IBlobStore blobs,
        TimeProvider clock, CancellationToken token) =>
        Revise(command.Idea, command.Files.Count == 0 ? null : command.Files, session, clock, token, blobs);

    private static async Task<(IdeaSubmittedResponse, OutgoingMessages)> Revise(ReviseIdea command, IReadOnlyList<NewFile>? newFiles, IDocumentSession session,
        TimeProvider clock, CancellationToken token, CoCreation.BuildingBlocks.Blobs.IBlobStore? blobs = null)
    {
        var (stream, idea) = await IdeaStreams.LoadFor(session, command.IdeaId, command.By, token);
        var campaign = await session.Events.AggregateStreamAsync<Campaigns.Campaign>(idea.CampaignId, token: token) ?? throw new NotFound("campaign", idea.CampaignId);
        // Who may revise is checked before any new file is stored.
        Decide(idea, command with { Attachments = [] }, clock.GetUtcNow(), campaign);
        var uploaded = newFiles is null || blobs is null ? [] : await UploadAttachmentHandler.StoreAll(blobs, campaign, newFiles, command.By, clock.GetUtcNow(), token);
        command = command with { Attachments = [.. command.Attachments ?? [], .. uploaded.Select(u => u.AttachmentId)] };
        var files = await AttachmentChoice.Load(session, command.Attachments ?? [], token, uploaded);
        var revised = Decide(idea, command, clock.GetUtcNow(), campaign, files);
        stream.AppendOne(revised);
        AttachmentChoice.Attach(session, files, revised.Attachments ?? [], idea.Id, revised.Revision, revised.RevisedAt, uploaded);
        OutgoingMessages outgoing =
        [
            new IdeaSubmittedIntegrationEvent(idea.Id, idea.CampaignId, revised.Revision, command.By, idea.Authors,
                revised.Title, revised.Description, revised.Tags, revised.RevisedAt, revised.Attachments)
        ];
        if (idea.Status != IdeaStatus.Submitted)
            outgoing.Add(IdeaStreams.StatusChanged(idea, IdeaStatus.Submitted, $"Revision {revised.Revision} submitted", command.By, revised.RevisedAt));
        return (new IdeaSubmittedResponse(idea.Id, IdeaStatus.Submitted, revised.Revision), outgoing);
    }
}
