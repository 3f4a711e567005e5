using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Granting;

namespace CoCreation.UnitTests;

public class OtherModuleDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_moderation_item_is_decided_once_and_reject_needs_a_reason_code()
    {
        var item = ModerationItem.Create(new ModerationItemQueued(Guid.NewGuid(), Guid.NewGuid(), "idea", Guid.NewGuid(), 1, "alice", "new-idea", [], Now));
        Assert.Contains("reasonCode", Assert.Throws<ValidationFailed>(() =>
            DecideModerationItemHandler.ToCommand(new DecisionRequest(ModerationDecision.Reject, null, null), item.Id, "mod")).Errors.Keys);
        var decided = item.Apply(DecideModerationItemHandler.Decide(item,
            DecideModerationItemHandler.ToCommand(new DecisionRequest(ModerationDecision.Reject, "spam", "links"), item.Id, "mod"), Now));
        Assert.Equal(ModerationItemStatus.Rejected, decided.Status);
        Assert.Equal("already-decided", Assert.Throws<RuleViolated>(() => DecideModerationItemHandler.Decide(decided,
            new DecideModerationItem(item.Id, ModerationDecision.Approve, null, null, "mod"), Now)).Rule);
    }

    [Fact]
    public void Points_are_paid_once_per_cause()
    {
        var first = GrantPointsHandler.Decide(null, "bob", Guid.NewGuid(), 1, "vote-cast", "vote-cast:1", Now)!;
        var ledger = Ledger.Create(first);
        Assert.Null(GrantPointsHandler.Decide(ledger, "bob", first.CampaignId, 1, "vote-cast", "vote-cast:1", Now));
        ledger = ledger.Apply(GrantPointsHandler.Decide(ledger, "bob", first.CampaignId, 10, "idea-published", "idea-published:2", Now)!);
        Assert.Equal(11, ledger.Points);
        Assert.Null(GrantPointsHandler.Decide(ledger, "bob", first.CampaignId, 0, "vote-cast", "vote-cast:3", Now));
    }

    [Fact]
    public void The_content_hash_is_sha256_of_the_canonical_json()
    {
        Assert.Equal("{\"description\":\"Line\\nTwo \\\"q\\\" é\",\"tags\":[\"a\",\"b\"],\"title\":\"T\"}",
            CanonicalContent.Json("T", "Line\nTwo \"q\" é", ["a", "b"]));
        // SHA-256 of {"description":"d","tags":[],"title":"t"}, computed independently with sha256sum.
        Assert.Equal("55eabd2cb0145151144f060bf77dff228639670fa64ee49e5f9a18b278eaa89a", CanonicalContent.Hash("t", "d", []));
        Assert.NotEqual(CanonicalContent.Hash("t", "d", []), CanonicalContent.Hash("t", "d ", []));
    }

    [Fact]
    public void Derived_stream_ids_are_stable_and_scoped()
    {
        var idea = Guid.Parse("01a20db0-38ce-728b-acd4-84ee4a1775f1");
        Assert.Equal(StreamIds.Derive("voting-ballot", idea), StreamIds.Derive("voting-ballot", idea));
        Assert.NotEqual(StreamIds.Derive("voting-ballot", idea), StreamIds.Derive("ip-provenance", idea));
        Assert.NotEqual(idea, StreamIds.Derive("voting-ballot", idea));
        Assert.Equal(8, StreamIds.Derive("voting-ballot", idea).Version);
    }
}
