using CoCreation.Voting.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Windows;

/// <summary>Due when the window of milestone <see cref="Index"/> of an idea's ballot closes.</summary>
public sealed record MilestoneWindowClosing(Guid IdeaId, Guid CampaignId, int Index);

public static class MilestoneWindow
{
    /// <summary>
    /// The message that closes the ballot's current window, and the real time to deliver it. Deadlines are on the
    /// application clock, scheduled messages on the real one: the difference is the dev clock's offset (zero in production).
    /// </summary>
    public static (MilestoneWindowClosing Message, DateTimeOffset At)? Closing(Ballot ballot, TimeProvider clock) =>
        ballot is { Status: BallotStatus.Open, Deadline: { } deadline }
            ? (new MilestoneWindowClosing(ballot.IdeaId, ballot.CampaignId, ballot.NextMilestone),
                deadline - (clock.GetUtcNow() - TimeProvider.System.GetUtcNow()))
            : null;

    /// <summary>Expires the ballot if it is still waiting for that milestone and its deadline has passed; null otherwise.</summary>
    public static BallotExpired? Decide(Ballot ballot, MilestoneWindowClosing message, DateTimeOffset now) =>
        ballot is { Status: BallotStatus.Open, Deadline: { } deadline } && ballot.NextMilestone == message.Index && now > deadline
            ? new BallotExpired(ballot.Id, ballot.IdeaId, ballot.CampaignId, ballot.NextMilestone, ballot.Supporters, deadline, now)
            : null;
}

public static class MilestoneWindowClosingHandler
{
    public static async Task<OutgoingMessages> Handle(MilestoneWindowClosing message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } ballot) return [];
        var now = clock.GetUtcNow();
        if (MilestoneWindow.Decide(ballot, message, now) is { } expired)
        {
            stream.AppendOne(expired);
            return [new IdeaExpiredIntegrationEvent(expired.IdeaId, expired.CampaignId, expired.Index, expired.Supporters, expired.Deadline, expired.ExpiredAt)];
        }
        // Delivered early (the clock moved less than the schedule assumed): wait for the deadline again.
        if (ballot is { Status: BallotStatus.Open, Deadline: { } deadline } && ballot.NextMilestone == message.Index && now <= deadline
            && MilestoneWindow.Closing(ballot, clock) is { } closing)
            return [closing.Message.ScheduledAt(closing.At.AddSeconds(1))];
        return [];
    }
}
