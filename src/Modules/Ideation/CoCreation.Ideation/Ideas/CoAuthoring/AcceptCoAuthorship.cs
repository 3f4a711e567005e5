using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.CoAuthoring;

public sealed record AcceptCoAuthorship(Guid IdeaId, string By);

public static class AcceptCoAuthorshipHandler
{
    public static CoAuthorJoined Decide(Idea idea, AcceptCoAuthorship command, DateTimeOffset now)
    {
        if (!idea.Invitations.Contains(command.By))
            throw new Forbidden("not-invited", $"Only a member invited to idea {idea.Id} may accept co-authorship.");
        if (idea.Status is not (IdeaStatus.Submitted or IdeaStatus.Published or IdeaStatus.Rejected))
            throw IdeaStreams.WrongStatus(idea, "idea-not-open-to-coauthors", "co-authorship can be accepted", IdeaStatus.Submitted, IdeaStatus.Published, IdeaStatus.Rejected);
        return new CoAuthorJoined(idea.Id, idea.CampaignId, command.By, now);
    }

    public static async Task<(CoAuthorshipResponse, OutgoingMessages)> Handle(AcceptCoAuthorship command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (stream, idea) = await IdeaStreams.LoadFor(session, command.IdeaId, command.By, token);
        var joined = Decide(idea, command, clock.GetUtcNow());
        stream.AppendOne(joined);
        var after = idea.Apply(joined);
        return (new CoAuthorshipResponse(idea.Id, command.By, after.Authors, after.Invitations),
            [new IdeaCoAuthorJoinedIntegrationEvent(idea.Id, idea.CampaignId, command.By, after.Authors, idea.Revision,
                idea.Title, idea.Description, idea.Tags, joined.JoinedAt, idea.Attachments ?? [])]);
    }
}
