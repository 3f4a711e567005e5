using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Discounting;
using CoCreation.Voting.Ballots.Merging;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Voting.Ballots.Windows;
using CoCreation.Voting.Campaigns;
using CoCreation.Voting.Contracts;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.Voting.Ballots.Recording;

/// <summary>
/// Commits one group of a campaign's vote changes in one transaction: decides each in arrival order against the
/// state left by the ones before it, appends the events (each with its own actor, correlation and causation),
/// the milestones they reach, and the messages for Ideation and Rewards through the outbox; then answers each caller.
/// </summary>
internal static class VoteGroup
{
    private const int Attempts = 5;

    public static async Task Commit(IReadOnlyList<PendingVote> group, Guid campaignId, IServiceProvider services, ILogger logger)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (outcomes, sequences) = await TryCommit(group, campaignId, services);
                for (var i = 0; i < group.Count; i++)
                {
                    if (outcomes[i].Problem is { } problem) group[i].Refused(problem);
                    else group[i].Committed(outcomes[i].Supporters,
                        group[i].Command is CastVote cast && sequences.TryGetValue(cast.VoteId, out var seq) ? seq : null);
                }
                return;
            }
            // Another handler (a ballot closing, an expiry) changed one of the ballots meanwhile: decide again on fresh state.
            catch (Exception ex) when (IsConcurrencyConflict(ex) && attempt < Attempts)
            {
                logger.LogDebug(ex, "Vote group of campaign {CampaignId} met a concurrent change; attempt {Attempt}", campaignId, attempt + 1);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Vote group of {Count} votes in campaign {CampaignId} failed", group.Count, campaignId);
                foreach (var vote in group) vote.Refused(ex);
                return;
            }
        }
    }

    private static bool IsConcurrencyConflict(Exception ex) => ex is JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException;

    private static async Task<(IReadOnlyList<VoteOutcome> Outcomes, IReadOnlyDictionary<Guid, long> CastSequences)> TryCommit(IReadOnlyList<PendingVote> group, Guid campaignId, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        var messages = (IMessageContext)outbox;
        outbox.Enroll(session);

        // A discount of all a member's votes needs their card first, to know which ballots it touches.
        var discounted = group.Where(v => v.Command is DiscountVoter).Select(v => VoterCard.IdFor(campaignId, v.Voter)).ToArray();
        var discountedIdeas = discounted.Length == 0 ? []
            : (await session.LoadManyAsync<VoterCard>(discounted)).SelectMany(c => c.Votes.Keys).ToList();

        // A merge and its undo need the merged idea's voters, read from its ballot's log.
        var merges = await MergeFacts.Load(session, group.Select(v => v.Command));

        // Everything the decisions need, in one round trip.
        var batch = session.CreateBatchQuery();
        var streamLoads = group.Select(v => v.IdeaId).Where(id => id != Guid.Empty).Concat(discountedIdeas).Concat(merges.Ideas).Distinct()
            .ToDictionary(id => id, id => batch.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(id)));
        var voters = group.Select(v => v.Voter).Concat(merges.Voters).Distinct().ToList();
        var cardsLoad = batch.LoadMany<VoterCard>().ById(voters.Select(v => VoterCard.IdFor(campaignId, v)).ToArray());
        var bansLoad = batch.LoadMany<VoterBan>().ById(voters.Select(VoterBan.IdFor).ToArray());
        var rulesLoad = batch.Load<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(campaignId));
        await batch.Execute();

        var streams = new Dictionary<Guid, IEventStream<Ballot>>();
        foreach (var (id, load) in streamLoads) streams[id] = await load;
        var loaded = streams.Where(s => s.Value.Aggregate is not null).ToList();
        var state = new VoteGroupState(campaignId,
            loaded.ToDictionary(s => s.Key, s => s.Value.Aggregate!),
            loaded.ToDictionary(s => s.Key, s => s.Value.StartingVersion ?? 0),
            (await cardsLoad).ToDictionary(c => c.Voter),
            (await bansLoad).Select(b => b.MemberId).ToHashSet(),
            await rulesLoad, clock.GetUtcNow(), merges.Moved);

        var decision = VoteGroupDecision.Decide(state, group);
        if (decision.Appends.Count == 0) return (decision.Outcomes, new Dictionary<Guid, long>());

        var origins = new Dictionary<object, EventOrigin>(ReferenceEqualityComparer.Instance);
        var casts = new List<IEvent>();
        foreach (var append in decision.Appends)
        {
            streams[append.IdeaId].AppendOne(append.Event);
            origins[append.Event] = append.Origin;
        }
        foreach (var stream in session.PendingChanges.Streams())
        foreach (var e in stream.Events)
        {
            if (!origins.TryGetValue(e.Data, out var origin)) continue;
            if (e.Data is VoteCast) casts.Add(e);
            e.UserName = origin.Actor;
            e.CorrelationId = origin.CorrelationId;
            e.CausationId = origin.CausationId;
        }

        foreach (var (message, origin) in decision.Messages)
        {
            messages.CorrelationId = origin.CorrelationId;
            messages.UserName = origin.Actor;
            await outbox.PublishAsync(message);
        }
        foreach (var (milestone, after, origin) in decision.Milestones)
        {
            messages.CorrelationId = origin.CorrelationId;
            messages.UserName = origin.Actor;
            await outbox.PublishAsync(new MilestoneReachedIntegrationEvent(milestone.IdeaId, milestone.CampaignId, milestone.Index,
                milestone.Supporters, milestone.IsFinal, after.Authors, milestone.ReachedAt));
            if (MilestoneWindow.Closing(after, clock) is { } closing)
                await messages.ScheduleAsync(closing.Message, closing.At);
        }
        foreach (var ballot in decision.Reopened)
            if (MilestoneWindow.Closing(ballot, clock) is { } closing)
                await messages.ScheduleAsync(closing.Message, closing.At);
        await session.SaveChangesAsync();
        // Marten hands back each appended event's global sequence number: the cast's receipt (docs/adr/0024).
        return (decision.Outcomes, casts.ToDictionary(e => ((VoteCast)e.Data).VoteId, e => e.Sequence));
    }
}
