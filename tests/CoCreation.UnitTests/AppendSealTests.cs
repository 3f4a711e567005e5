using CoCreation.Audit;

namespace CoCreation.UnitTests;

/// <summary>What the chain concludes from an event's append seal (docs/adr/0024, "Sealed at append").</summary>
public class AppendSealTests
{
    [Fact]
    public void A_row_that_still_matches_its_seal_or_predates_sealing_has_no_problem()
    {
        Assert.Null(AppendSealCheck.Problem(10, "idea_submitted", seal: "ab", resealed: "ab", erased: false, sealingSince: 1));
        Assert.Null(AppendSealCheck.Problem(5, "idea_submitted", seal: null, resealed: "ab", erased: false, sealingSince: 8));
        Assert.Null(AppendSealCheck.Problem(5, "idea_submitted", seal: null, resealed: "ab", erased: false, sealingSince: null));
    }

    [Fact]
    public void A_row_changed_since_its_append_is_named_unless_an_erasure_masked_it()
    {
        var changed = AppendSealCheck.Problem(10, "idea_submitted", seal: "ab", resealed: "cd", erased: false, sealingSince: 1);
        Assert.Contains("event 10 (idea_submitted) was changed after its append", changed);
        Assert.Null(AppendSealCheck.Problem(10, "idea_submitted", seal: "ab", resealed: "cd", erased: true, sealingSince: 1));
    }

    [Fact]
    public void A_row_without_a_seal_after_sealing_began_was_inserted_behind_the_applications_back()
    {
        var inserted = AppendSealCheck.Problem(12, "vote_cast", seal: null, resealed: "cd", erased: false, sealingSince: 3);
        Assert.Contains("no seal from its append", inserted);
    }

    [Fact]
    public void Verification_breaks_at_a_chained_row_the_chain_found_changed_since_its_append_and_at_an_unchained_changed_one()
    {
        var e = new ChainedEvent(1, Guid.Parse("0196d2c4-0000-7000-8000-000000000001"), 1, "idea_submitted", "{}", null, null, null, DateTimeOffset.UnixEpoch);
        var hash = EventChain.HashOf(e);
        var flagged = new ChainVerification();
        flagged.Add(1, e, new ChainRow(1, hash, EventChain.Link("", hash), AppendProblem: "event 1 (idea_submitted) was changed after its append"));
        var result = flagged.Result(0);
        Assert.Equal((false, 1L), (result.Valid, result.FirstBrokenSequence!.Value));
        Assert.Contains("after its append", result.Problem);

        var tail = new ChainVerification();
        tail.Add(1, e, new ChainRow(1, hash, EventChain.Link("", hash)));
        tail.AddUnchained(2, null);
        Assert.True(tail.Result(1).Valid);
        tail.AddUnchained(3, "event 3 (vote_cast) was changed after its append");
        Assert.Equal(3L, tail.Result(1).FirstBrokenSequence);
    }
}
