using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Campaigns;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Files;
using CoCreation.Moderation.Bans;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.Moderation.Screening;
using CoCreation.Moderation.Subjects;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Moderation.Queue.Queueing;

/// <summary>
/// Every new idea and revision is screened, then waits in the queue for a moderator (pre-moderation);
/// clear-cut spam is rejected at once with reason <c>spam</c>.
/// </summary>
public static class QueueSubmittedIdeaHandler
{
    public static Guid ItemIdFor(Guid ideaId, int revision) => ModerationItem.IdFor(ideaId, $"revision-{revision}");

    /// <summary>The hashes of these files (as stored and as uploaded) that are on the block list.</summary>
    private static async Task<IReadOnlySet<string>> BlockedHashes(IQuerySession session, IReadOnlyList<IdeaAttachment> files, CancellationToken token)
    {
        var ids = files.SelectMany(f => new[] { f.Sha256, f.OriginalSha256 }).Distinct().Select(Files.BlockedFile.StreamIdFor).ToArray();
        return (await session.LoadManyAsync<Files.BlockedFile>(token, ids)).Where(b => b.Blocked).Select(b => b.Sha256).ToHashSet();
    }

    public static string TextOf(IdeaSubmittedIntegrationEvent idea) => $"{idea.Title}\n{idea.Description}\n{string.Join(' ', idea.Tags)}";

    public static async Task<OutgoingMessages> Handle(IdeaSubmittedIntegrationEvent message, IDocumentSession session, TimeProvider clock,
        IOptions<ScreeningOptions> options, CancellationToken token)
    {
        var itemId = ItemIdFor(message.IdeaId, message.Revision);
        // Redelivery of the same submission finds the item already queued.
        if (await session.Events.FetchStreamStateAsync(itemId, token) is not null) return [];
        var rules = await session.LoadAsync<CampaignModerationRules>(CampaignModerationRules.StreamIdFor(message.CampaignId), token)
                    ?? throw new FactNotYetKnown($"Moderation rules of campaign {message.CampaignId} are not known yet; the message will be retried.");
        var now = clock.GetUtcNow();
        var text = TextOf(message);

        var subjectStream = await session.Events.FetchForWriting<ModeratedSubject>(ModeratedSubject.StreamIdFor(message.IdeaId), token);
        if (subjectStream.Aggregate is { } known && known.Revision > message.Revision)
        {
            // An older revision reaching us after a newer one (its message was retried): on record, and replaced at once.
            session.Events.StartStream<ModerationItem>(itemId,
                new ModerationItemQueued(itemId, message.CampaignId, SubjectTypes.Idea, message.IdeaId, message.Revision, message.SubmittedBy,
                    message.Revision == 1 ? "new-idea" : "revised-idea", [], now),
                new ModerationItemSuperseded(itemId, message.CampaignId, message.IdeaId, known.Revision, now));
            return [];
        }
        object recorded = subjectStream.Aggregate is null
            ? new SubjectRecorded(subjectStream.Id, SubjectTypes.Idea, message.IdeaId, message.CampaignId, message.Authors, text, message.Revision, now)
            : new SubjectRevised(subjectStream.Id, message.IdeaId, message.CampaignId, message.Authors, text, message.Revision, now);
        subjectStream.AppendOne(recorded);

        // Candidates are ideas recorded before this one: a revision is not the copy of a later idea.
        var since = subjectStream.Aggregate?.RecordedAt ?? now;
        var others = await session.Query<ModeratedSubject>()
            .Where(s => s.CampaignId == message.CampaignId && s.SubjectType == SubjectTypes.Idea && s.SubjectId != message.IdeaId && s.RecordedAt < since)
            .Select(s => new { s.SubjectId, s.Text, s.RecordedAt })
            .ToListAsync(token);
        var screening = Screener.Screen(text, rules.BannedTerms, others.Select(o => new DuplicateCandidate(o.SubjectId, o.Text, o.RecordedAt)), options.Value);
        var files = message.Attachments ?? [];
        var fileFindings = files.Count == 0 ? [] : FileScreening.Screen(files, await BlockedHashes(session, files, token));

        var queued = new ModerationItemQueued(itemId, message.CampaignId, SubjectTypes.Idea, message.IdeaId, message.Revision,
            message.SubmittedBy, message.Revision == 1 ? "new-idea" : "revised-idea", [.. screening.Findings, .. fileFindings], now, files);

        // An older revision still waiting is replaced by this one.
        var stale = await session.Query<QueueEntry>()
            .Where(e => e.SubjectId == message.IdeaId && e.Status == ModerationItemStatus.Pending && e.Revision < message.Revision)
            .Select(e => e.Id).ToListAsync(token);
        foreach (var old in stale)
            session.Events.Append(old, new ModerationItemSuperseded(old, message.CampaignId, message.IdeaId, message.Revision, now));

        var banned = await session.LoadAsync<MemberBan>(MemberBan.StreamIdFor(message.SubmittedBy), token);
        ModerationItemDecided? automatic = banned is not null
            ? new ModerationItemDecided(itemId, message.CampaignId, ModerationDecision.Hide, "other", $"Author banned: {banned.Reason}",
                ModerationItem.ScreeningActor, now, message.IdeaId, Final: true)
            : FileScreening.ClearCut(fileFindings)
                ? new ModerationItemDecided(itemId, message.CampaignId, ModerationDecision.Reject, "other",
                    "Rejected automatically: " + string.Join(" ", fileFindings.Where(f => f.Kind == "blocked-file").Select(f => f.Detail)), ModerationItem.ScreeningActor, now, message.IdeaId)
            : screening.ClearCutSpam
                ? new ModerationItemDecided(itemId, message.CampaignId, ModerationDecision.Reject, "spam",
                    "Rejected automatically: " + string.Join(" ", screening.Findings.Select(f => f.Detail)), ModerationItem.ScreeningActor, now, message.IdeaId)
                : null;
        if (automatic is null)
        {
            session.Events.StartStream<ModerationItem>(itemId, queued);
            return [];
        }
        session.Events.StartStream<ModerationItem>(itemId, queued, automatic);
        subjectStream.AppendOne(new SubjectModerated(subjectStream.Id, message.IdeaId, message.CampaignId, itemId, automatic.Decision, now));
        return [DecisionMessages.For(ModerationItem.Create(queued), automatic)];
    }
}
