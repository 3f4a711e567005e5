using CoCreation.BuildingBlocks.Problems;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Withdrawing;

public sealed record WithdrawIdea(Guid IdeaId, string By);

public sealed record IdeaStatusResponse(Guid Id, IdeaStatus Status);

public static class WithdrawIdeaHandler
{
    public static IdeaWithdrawn Decide(Idea idea, WithdrawIdea command, DateTimeOffset now)
    {
        if (idea.Owner != command.By)
            throw new Forbidden("not-the-author", "Only the idea's author may withdraw it.");
        if (idea.Status is not (IdeaStatus.Submitted or IdeaStatus.Published or IdeaStatus.Rejected))
            throw IdeaStreams.WrongStatus(idea, "idea-not-withdrawable", "it can be withdrawn", IdeaStatus.Submitted, IdeaStatus.Published, IdeaStatus.Rejected);
        return new IdeaWithdrawn(idea.Id, idea.CampaignId, command.By, now);
    }

    public static async Task<(IdeaStatusResponse, OutgoingMessages)> Handle(WithdrawIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (stream, idea) = await IdeaStreams.LoadFor(session, command.IdeaId, command.By, token);
        var withdrawn = Decide(idea, command, clock.GetUtcNow());
        stream.AppendOne(withdrawn);
        return (new IdeaStatusResponse(idea.Id, IdeaStatus.Withdrawn),
            [IdeaStreams.StatusChanged(idea, IdeaStatus.Withdrawn, "Withdrawn by the author", command.By, withdrawn.WithdrawnAt)]);
    }
}
