using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using Marten;

namespace CoCreation.Ideation.Ideas.CoAuthoring;

public sealed record InvitationRequest([property: Required] string? UserId);

public sealed record InviteCoAuthor(Guid IdeaId, string Invitee, string By);

public sealed record CoAuthorshipResponse(Guid IdeaId, string UserId, IReadOnlyList<string> Authors, IReadOnlyList<string> Invitations);

/// <summary>
/// LEGO Ideas asks collaborative projects to show their collaborators' explicit permission: here the
/// author's invitation and the invitee's acceptance, both events, are that permission.
/// </summary>
public static class InviteCoAuthorHandler
{
    public const int MaxAuthors = 10;

    public static InviteCoAuthor ToCommand(InvitationRequest request, Guid ideaId, string by)
    {
        new Validation()
            .Require(request.UserId is { Length: > 0 and <= 64 }, "userId", "'userId' is required (at most 64 characters).")
            .ThrowIfInvalid();
        return new InviteCoAuthor(ideaId, request.UserId!.Trim(), by);
    }

    public static CoAuthorInvited Decide(Idea idea, InviteCoAuthor command, DateTimeOffset now)
    {
        if (idea.Owner != command.By)
            throw new Forbidden("not-the-author", "Only the idea's author may invite co-authors.");
        if (idea.Status is not (IdeaStatus.Submitted or IdeaStatus.Published or IdeaStatus.Rejected))
            throw IdeaStreams.WrongStatus(idea, "idea-not-open-to-coauthors", "co-authors can be invited", IdeaStatus.Submitted, IdeaStatus.Published, IdeaStatus.Rejected);
        if (idea.IsAuthor(command.Invitee))
            throw new RuleViolated("already-an-author", $"'{command.Invitee}' is already an author of idea {idea.Id}.");
        if (idea.Invitations.Contains(command.Invitee))
            throw new RuleViolated("already-invited", $"'{command.Invitee}' is already invited to idea {idea.Id}.");
        if (idea.Authors.Count + idea.Invitations.Count >= MaxAuthors)
            throw new RuleViolated("too-many-authors", $"An idea has at most {MaxAuthors} authors, invitations included.");
        return new CoAuthorInvited(idea.Id, idea.CampaignId, command.Invitee, command.By, now);
    }

    public static async Task<(CoAuthorshipResponse, Wolverine.OutgoingMessages)> Handle(InviteCoAuthor command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (stream, idea) = await IdeaStreams.LoadFor(session, command.IdeaId, command.By, token);
        var invited = Decide(idea, command, clock.GetUtcNow());
        stream.AppendOne(invited);
        var after = idea.Apply(invited);
        return (new CoAuthorshipResponse(idea.Id, command.Invitee, after.Authors, after.Invitations),
            [new Contracts.CoAuthorInvitedIntegrationEvent(idea.Id, idea.CampaignId, invited.Invitee, invited.InvitedBy, invited.InvitedAt)]);
    }
}
