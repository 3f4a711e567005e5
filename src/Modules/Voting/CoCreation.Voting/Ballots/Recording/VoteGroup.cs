using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Discounting;
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
                var outcomes = await TryCommit(group, campaignId, services);
                for (var i = 0; i < group.Count; i++)
                {
                    if (outcomes[i].Problem is { } problem) group[i].Refused(problem);
                    else group[i].Committed(outcomes[i].Supporters);
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

    private readonly record struct Outcome(int Supporters, Exception? Problem);

    private static async Task<Outcome[]> TryCommit(IReadOnlyList<PendingVote> group, Guid campaignId, IServiceProvider services)
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

        // Everything the decisions need, in one round trip.
        var batch = session.CreateBatchQuery();
        var streamLoads = group.Select(v => v.IdeaId).Where(id => id != Guid.Empty).Concat(discountedIdeas).Distinct()
            .ToDictionary(id => id, id => batch.Events.FetchForWriting<Ballot>(Ballot.StreamIdFor(id)));
        var voters = group.Select(v => v.Voter).Distinct().ToList();
        var cardsLoad = batch.LoadMany<VoterCard>().ById(voters.Select(v => VoterCard.IdFor(campaignId, v)).ToArray());
        var bansLoad = batch.LoadMany<VoterBan>().ById(voters.Select(VoterBan.IdFor).ToArray());
        var rulesLoad = batch.Load<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(campaignId));
        await batch.Execute();

        var streams = new Dictionary<Guid, IEventStream<Ballot>>();
        foreach (var (id, load) in streamLoads) streams[id] = await load;
        var ballots = streams.Where(s => s.Value.Aggregate is not null).ToDictionary(s => s.Key, s => s.Value.Aggregate!);
        var cards = (await cardsLoad).ToDictionary(c => c.Voter);
        var banned = (await bansLoad).Select(b => b.MemberId).ToHashSet();
        var rules = await rulesLoad;
        var budget = rules?.BudgetPerMember;

        var now = clock.GetUtcNow();
        var outcomes = new Outcome[group.Count];
        var origins = new Dictionary<object, EventOrigin>(ReferenceEqualityComparer.Instance);
        var appended = new Dictionary<Guid, int>();
        var recorded = new List<VoteRecorded>();
        var reached = new List<(MilestoneReached Milestone, Ballot After, EventOrigin Origin)>();

        for (var i = 0; i < group.Count; i++)
        {
            var vote = group[i];
            try
            {
                if (vote.Command is DiscountVoter discount)
                {
                    var standing = cards.GetValueOrDefault(vote.Voter)?.Votes.Keys.ToList() ?? [];
                    foreach (var ideaId in standing)
                        if (ballots.GetValueOrDefault(ideaId) is { } target && cards[vote.Voter] is var voterCard
                            && DiscountVotesHandler.Decide(target, voterCard, discount, now) is { } e)
                            Record(ideaId, target.Apply(e), voterCard.Apply(e), e, new VoteRecorded(e.VoteId, e.IdeaId, e.Voter, VoteActions.Discounted, e.Score, e.DiscountedAt));
                    outcomes[i] = new Outcome(0, null);
                    continue;
                }
                var ballot = ballots.GetValueOrDefault(vote.IdeaId)
                             ?? throw new NotFound("idea", vote.IdeaId);
                var card = cards.GetValueOrDefault(vote.Voter) ?? VoterCard.Empty(campaignId, vote.Voter);
                object change = vote.Command switch
                {
                    CastVote cast => CastVoteHandler.Decide(ballot, card, budget, banned.Contains(vote.Voter), cast, now, rules?.Organisation),
                    RetractVote retract => RetractVoteHandler.Decide(ballot, card, retract, now),
                    _ => throw new ArgumentException($"Not a vote change: {vote.Command.GetType().Name}")
                };
                {
                    switch (change)
                    {
                        case VoteCast e:
                            Record(vote.IdeaId, ballot.Apply(e), card.Apply(e), e, new VoteRecorded(e.VoteId, e.IdeaId, e.Voter, VoteActions.Cast, e.Score, e.CastAt));
                            break;
                        case VoteRetracted e:
                            Record(vote.IdeaId, ballot.Apply(e), card.Apply(e), e, new VoteRecorded(e.VoteId, e.IdeaId, e.Voter, VoteActions.Retracted, e.Score, e.RetractedAt));
                            break;
                    }
                }
                outcomes[i] = new Outcome(ballots[vote.IdeaId].Supporters, null);
            }
            catch (DomainProblem problem)
            {
                outcomes[i] = new Outcome(0, problem);
            }

            // Keeps the change (its ballot and card already applied), and the milestone it reaches, if any.
            void Record(Guid ideaId, Ballot ballot, VoterCard card, object change, VoteRecorded record)
            {
                Append(change);
                recorded.Add(record);
                if (BallotRules.MilestoneFor(ballot, now) is { } milestone)
                {
                    ballot = ballot.Apply(milestone);
                    Append(milestone);
                    reached.Add((milestone, ballot, vote.Origin));
                }
                ballots[ideaId] = ballot;
                cards[vote.Voter] = card;

                void Append(object e)
                {
                    streams[ideaId].AppendOne(e);
                    origins[e] = vote.Origin;
                    appended[ideaId] = appended.GetValueOrDefault(ideaId) + 1;
                }
            }
        }
        if (recorded.Count == 0) return outcomes;

        foreach (var stream in session.PendingChanges.Streams())
        foreach (var e in stream.Events)
        {
            if (!origins.TryGetValue(e.Data, out var origin)) continue;
            e.UserName = origin.Actor;
            e.CorrelationId = origin.CorrelationId;
            e.CausationId = origin.CausationId;
        }

        var tallies = appended.Select(a => new IdeaTally(a.Key, ballots[a.Key].Supporters, ballots[a.Key].AverageScore,
            (streams[a.Key].StartingVersion ?? 0) + a.Value)).ToList();
        messages.CorrelationId = group.First(v => recorded.Any(r => r.Voter == v.Voter)).Origin.CorrelationId;
        await outbox.PublishAsync(new VotesRecordedIntegrationEvent(campaignId, recorded, tallies, now));
        foreach (var (milestone, after, origin) in reached)
        {
            messages.CorrelationId = origin.CorrelationId;
            messages.UserName = origin.Actor;
            await outbox.PublishAsync(new MilestoneReachedIntegrationEvent(milestone.IdeaId, milestone.CampaignId, milestone.Index,
                milestone.Supporters, milestone.IsFinal, after.Authors, milestone.ReachedAt));
            if (MilestoneWindow.Closing(after, clock) is { } closing)
                await messages.ScheduleAsync(closing.Message, closing.At);
        }
        await session.SaveChangesAsync();
        return outcomes;
    }
}
