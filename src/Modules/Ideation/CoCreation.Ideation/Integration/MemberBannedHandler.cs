using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Moderation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Integration;

/// <summary>A banned member's pending ideas (submitted, not yet published) are hidden; what is public stays to moderators' judgement.</summary>
public static class MemberBannedHandler
{
    public static async Task<OutgoingMessages> Handle(MemberBannedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var pending = await session.Query<IdeaDetails>()
            .Where(i => i.Status == IdeaStatus.Submitted && i.Authors.Contains(message.MemberId))
            .Select(i => i.Id).ToListAsync(token);
        var outgoing = new OutgoingMessages();
        foreach (var ideaId in pending)
        {
            var stream = await session.Events.FetchForWriting<Idea>(ideaId, token);
            if (stream.Aggregate is not { Status: IdeaStatus.Submitted } idea) continue;
            stream.AppendOne(new IdeaHidden(idea.Id, idea.CampaignId, "ban", "other", $"Author banned: {message.Reason}", message.BannedBy, message.BannedAt));
            outgoing.Add(IdeaStreams.StatusChanged(idea, IdeaStatus.Hidden, "The author was banned.", message.BannedBy, message.BannedAt));
        }
        return outgoing;
    }
}
