using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots.Windows;
using Marten;
using Wolverine;

namespace CoCreation.Voting.Ballots.Following;

/// <summary>Keeps the ballot in step with the idea: who its authors are, and whether it is open for votes.</summary>
public static class FollowIdeaLifecycleHandler
{
    public static async Task Handle(IdeaCoAuthorJoinedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } ballot || ballot.Authors.SequenceEqual(message.Authors)) return;
        stream.AppendOne(new BallotAuthorsChanged(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.Authors, clock.GetUtcNow()));
    }

    /// <summary>
    /// A ballot closed while its idea was hidden or withdrawn reopens when the idea is published again, in the same
    /// window: time kept running, so a window that closed meanwhile expires it at once (the scheduled check is due).
    /// </summary>
    public static async Task<OutgoingMessages> Handle(IdeaStatusChangedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } ballot) return [];
        var published = message.Status == "Published";
        // An undone merge reopens the ballot itself, with the time it spent merged given back (MergeSupportHandler).
        if (published && ballot.IdeaStatus == Merging.SupportMerge.MergedStatus) return [];
        if (published && ballot.Status == BallotStatus.Closed)
        {
            var reopened = new BallotReopened(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.ChangedAt);
            stream.AppendOne(reopened);
            return MilestoneWindow.Closing(ballot.Apply(reopened), clock) is { } closing ? [closing.Message.ScheduledAt(closing.At)] : [];
        }
        if (!published && ballot.Status == BallotStatus.Open)
            stream.AppendOne(new BallotClosed(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.Status, message.ChangedAt));
        else if (ballot.IdeaStatus != message.Status)
            stream.AppendOne(new BallotIdeaStatusNoted(ballot.Id, ballot.IdeaId, ballot.CampaignId, message.Status, message.ChangedAt));
        return [];
    }
}
