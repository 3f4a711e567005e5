using CoCreation.Ideation.Contracts;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Campaigns;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Screening;
using CoCreation.Moderation.Subjects;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Moderation.Queue.Queueing;

/// <summary>An edited comment is screened again, so an edit cannot slip past what the first text would not have.</summary>
public static class ScreenEditedCommentHandler
{
    public static async Task<OutgoingMessages> Handle(CommentEditedIntegrationEvent message, IDocumentSession session, TimeProvider clock,
        IOptions<ScreeningOptions> options, CancellationToken token)
    {
        var subjectId = ModeratedSubject.StreamIdFor(message.CommentId);
        var subject = await session.Events.AggregateStreamAsync<ModeratedSubject>(subjectId, token: token);
        // The posted comment's screening comes first (messages of one comment are handled in order); a repeat is a no-op.
        if (subject is null) throw new FactNotYetKnown($"comment {message.CommentId} is not recorded by Moderation yet");
        if (subject.Revision >= message.Revision) return [];
        var now = clock.GetUtcNow();
        session.Events.Append(subjectId, new SubjectRevised(subjectId, message.CommentId, message.CampaignId, subject.Authors, message.Text, message.Revision, now));

        var campaignTerms = (await session.LoadAsync<CampaignModerationRules>(CampaignModerationRules.StreamIdFor(message.CampaignId), token))?.BannedTerms ?? [];
        var (queued, hidden) = CommentScreening.Decide(message.CommentId, message.CampaignId, message.Revision, message.EditedBy, message.Text, campaignTerms, options.Value, now);
        if (queued is null) return [];
        if (hidden is null)
        {
            session.Events.StartStream<ModerationItem>(queued.ItemId, queued);
            return [];
        }
        session.Events.StartStream<ModerationItem>(queued.ItemId, queued, hidden);
        session.Events.Append(subjectId, new SubjectModerated(subjectId, message.CommentId, message.CampaignId, queued.ItemId, ModerationDecision.Hide, now));
        return [DecisionMessages.For(ModerationItem.Create(queued), hidden)];
    }
}
