using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots.Recording;
using Wolverine;

namespace CoCreation.Voting.Ballots.Casting;

/// <summary>Ref: the member whose share link brought the voter (the idea page's <c>?ref=</c>), if any.</summary>
public sealed record VoteRequest(int? Score, string? Ref = null);

/// <summary>
/// VoterOrganisation: the brand organisation the voter acts for, if any (none votes in its own campaigns);
/// SeesNonPublic: a moderator or legal, told "voting is closed" rather than "no such idea" for an idea that is not public.
/// </summary>
public sealed record CastVote(Guid IdeaId, Guid VoteId, string Voter, int? Score, string? VoterOrganisation = null, bool SeesNonPublic = false, string? ReferredBy = null);

/// <summary>Where a cast vote sits in the log: GET /api/receipts/{VoteId} proves it is in a signed checkpoint (docs/adr/0024).</summary>
public sealed record VoteReceiptReference(Guid VoteId, long Seq);

public sealed record VoteCastResponse(int Supporters, VoteReceiptReference? Receipt = null);

public static class CastVoteHandler
{
    public static CastVote ToCommand(VoteRequest? request, Guid ideaId, Viewer voter)
    {
        new Validation()
            .Require(request?.Score is null or (>= 0 and <= 5), "score", "'score' must be between 0 and 5.")
            .Require(request?.Ref is null || request.Ref.Length is >= 1 and <= Viewer.MaxSubjectLength, "ref", $"'ref' is a member id of 1 to {Viewer.MaxSubjectLength} characters.")
            .ThrowIfInvalid();
        // Nobody brings themselves.
        var referredBy = request?.Ref is { } sharer && sharer != voter.Id ? sharer : null;
        return new CastVote(ideaId, Guid.CreateVersion7(), voter.Id!, request?.Score, voter.Organisation,
            voter.Is(Roles.Moderator) || voter.Is(Roles.Legal), referredBy);
    }

    /// <param name="budget">The campaign's votes per member, or null for no limit.</param>
    /// <param name="banned">Whether Moderation banned the voter.</param>
    /// <param name="campaignOrganisation">The brand organisation that runs the campaign.</param>
    /// <param name="votingUntil">The end of the campaign's voting phase, if it has one.</param>
    public static VoteCast Decide(Ballot ballot, VoterCard card, int? budget, bool banned, CastVote command, DateTimeOffset now,
        string? campaignOrganisation = null, DateTimeOffset? votingUntil = null)
    {
        BallotRules.EnsureVisible(ballot, command.Voter, command.SeesNonPublic || (command.VoterOrganisation is not null && command.VoterOrganisation == campaignOrganisation));
        if (command.VoterOrganisation is not null && command.VoterOrganisation == campaignOrganisation)
            throw new RuleViolated("own-organisation", $"Brand members of '{campaignOrganisation}' run this campaign; they cannot vote in it.");
        BallotRules.EnsureVotingPhase(ballot, votingUntil, now);
        BallotRules.EnsureOpen(ballot, now);
        if (banned)
            throw new Forbidden("member-banned", $"Member '{command.Voter}' is banned and cannot vote.");
        if (ballot.Authors.Contains(command.Voter))
            throw new RuleViolated("self-vote", "Authors and co-authors cannot vote for their own idea.");
        if (card.On(ballot.IdeaId) is not null)
            throw new RuleViolated("duplicate-vote", $"Member '{command.Voter}' has already voted for idea {ballot.IdeaId}.");
        if (budget is { } limit && card.Votes.Count >= limit)
            throw new RuleViolated("vote-budget-exhausted", $"Member '{command.Voter}' has used all {limit} votes of this campaign; retracting a vote gives one back.");
        if (ballot.Mode == VotingModes.Rating && command.Score is null)
            throw new ValidationFailed(new Dictionary<string, string[]> { ["score"] = ["This campaign votes by rating: 'score' (0 to 5) is required."] });
        if (ballot.Mode == VotingModes.Support && command.Score is not null)
            throw new ValidationFailed(new Dictionary<string, string[]> { ["score"] = ["This campaign votes by support: send no 'score'."] });
        return new VoteCast(ballot.Id, ballot.IdeaId, ballot.CampaignId, command.VoteId, command.Voter, command.Score, now, command.ReferredBy);
    }

    /// <summary>Hands the vote to its campaign's writer, which commits it with others; answers once it is committed.</summary>
    public static async Task<VoteCastResponse> Handle(CastVote command, VoteWriter writer, Envelope envelope, CancellationToken token)
    {
        var committed = await writer.Record(command, command.IdeaId, command.Voter, EventOrigin.Of(envelope), token);
        return new(committed.Supporters, committed.Seq is { } seq ? new VoteReceiptReference(command.VoteId, seq) : null);
    }
}
