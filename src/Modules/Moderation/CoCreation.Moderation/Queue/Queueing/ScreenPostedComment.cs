using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Campaigns;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Screening;
using CoCreation.Moderation.Subjects;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Moderation.Queue.Queueing;

/// <summary>
/// Comments are public at once and moderated afterwards: screening puts one in the queue only when it finds
/// something, and hides clear-cut spam at once.
/// </summary>
public static class ScreenPostedCommentHandler
{
    public static async Task<OutgoingMessages> Handle(CommentPostedIntegrationEvent message, IDocumentSession session, TimeProvider clock,
        IOptions<ScreeningOptions> options, CancellationToken token)
    {
        var subjectId = ModeratedSubject.StreamIdFor(message.CommentId);
        if (await session.Events.FetchStreamStateAsync(subjectId, token) is not null) return [];
        var now = clock.GetUtcNow();
        var recorded = new SubjectRecorded(subjectId, SubjectTypes.Comment, message.CommentId, message.CampaignId, [message.PostedBy], message.Text, 1, now,
            message.IdeaId);

        var campaignTerms = (await session.LoadAsync<CampaignModerationRules>(CampaignModerationRules.StreamIdFor(message.CampaignId), token))?.BannedTerms ?? [];
        var (queued, hidden) = CommentScreening.Decide(message.CommentId, message.CampaignId, 1, message.PostedBy, message.Text, campaignTerms, options.Value, now);
        if (queued is null)
        {
            session.Events.StartStream<ModeratedSubject>(subjectId, recorded);
            return [];
        }
        if (hidden is null)
        {
            session.Events.StartStream<ModeratedSubject>(subjectId, recorded);
            session.Events.StartStream<ModerationItem>(queued.ItemId, queued);
            return [];
        }
        session.Events.StartStream<ModerationItem>(queued.ItemId, queued, hidden);
        session.Events.StartStream<ModeratedSubject>(subjectId, recorded,
            new SubjectModerated(subjectId, message.CommentId, message.CampaignId, queued.ItemId, ModerationDecision.Hide, now));
        return [DecisionMessages.For(ModerationItem.Create(queued), hidden)];
    }
}
