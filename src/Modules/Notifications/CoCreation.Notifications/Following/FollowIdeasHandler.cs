using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Contracts;
using Marten;

namespace CoCreation.Notifications.Following;

/// <summary>Keeps each idea's followers from Ideation's and Voting's messages (Notifications reads no other module's tables).</summary>
public static class FollowIdeasHandler
{
    public static void Handle(IdeaSubmittedIntegrationEvent message, IDocumentSession session) =>
        session.Events.Append(IdeaFollowers.StreamIdFor(message.IdeaId),
            new FollowedIdeaNoted(message.IdeaId, message.CampaignId, message.Title, message.Authors, message.SubmittedBy, message.SubmittedAt));

    public static void Handle(IdeaCoAuthorJoinedIntegrationEvent message, IDocumentSession session) =>
        session.Events.Append(IdeaFollowers.StreamIdFor(message.IdeaId), new FollowedIdeaAuthorsNoted(message.IdeaId, message.Authors, message.JoinedAt));

    public static void Handle(VotesRecordedIntegrationEvent message, IDocumentSession session)
    {
        foreach (var (ideaId, change) in SupporterChanges.Of(message.Votes))
            session.Events.Append(IdeaFollowers.StreamIdFor(ideaId), new FollowedIdeaSupportersNoted(ideaId, change.Added, change.Removed, message.RecordedAt));
    }

    public static void Handle(CommentPostedIntegrationEvent message, IDocumentSession session) =>
        session.Events.Append(IdeaFollowers.StreamIdFor(message.IdeaId), new FollowedIdeaCommentNoted(message.IdeaId, message.CommentId, message.PostedBy, message.PostedAt));
}

/// <summary>
/// A group's votes as supporters added and removed per idea: the last action of a voter on an idea wins. A merge
/// (and its undo) makes the voter follow the idea their vote now counts for, and keeps them following the other:
/// a member who supported an idea still hears of its merge and its undo.
/// </summary>
public static class SupporterChanges
{
    public sealed record Change(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

    public static IReadOnlyDictionary<Guid, Change> Of(IEnumerable<VoteRecorded> votes) =>
        votes.Where(v => v.Action != VoteActions.Released).GroupBy(v => v.IdeaId).ToDictionary(g => g.Key, g =>
        {
            var last = g.GroupBy(v => v.Voter).Select(v => v.Last()).ToList();
            return new Change(last.Where(v => VoteActions.Stands(v.Action)).Select(v => v.Voter).ToList(),
                last.Where(v => !VoteActions.Stands(v.Action)).Select(v => v.Voter).ToList());
        });
}
