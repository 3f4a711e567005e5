using CoCreation.Audit;

namespace CoCreation.UnitTests;

public class AuditChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ChainedEvent Event(long sequence, string data = "{\"Title\":\"Ferry\"}") =>
        new(sequence, Guid.Parse("0196d2c4-0000-7000-8000-000000000001"), sequence, "idea_submitted", data, "corr", "cause", "{\"actor\":\"alice\"}", Now);

    /// <summary>The chain as the builder would have stored it for these events.</summary>
    private static List<ChainRow> Chain(IEnumerable<ChainedEvent> events)
    {
        var link = "";
        return events.Select(e =>
        {
            var hash = EventChain.HashOf(e);
            link = EventChain.Link(link, hash);
            return new ChainRow(e.Sequence, hash, link);
        }).ToList();
    }

    private static VerifyResult Walk(IEnumerable<(long, ChainedEvent?, ChainRow?)> rows, IReadOnlySet<long>? erasures = null)
    {
        var walk = new ChainVerification(erasures);
        foreach (var (sequence, e, chain) in rows) walk.Add(sequence, e, chain);
        return walk.Result(0);
    }

    [Fact]
    public void An_untouched_log_verifies_and_a_gap_left_by_a_rolled_back_append_is_not_tampering()
    {
        ChainedEvent[] events = [Event(1), Event(2), Event(5)]; // 3 and 4 were never committed
        var chain = Chain(events);
        var result = Walk(events.Zip(chain, (e, c) => (e.Sequence, (ChainedEvent?)e, (ChainRow?)c)));
        Assert.True(result.Valid);
        Assert.Equal((3L, chain[^1].Link, 5L), (result.EventsChecked, result.ChainHead, result.HeadSequence!.Value));
    }

    [Fact]
    public void An_erased_row_verifies_only_with_its_recorded_hash_and_an_erasure_event_naming_it()
    {
        ChainedEvent[] events = [Event(1), Event(2), Event(3)];
        var chain = Chain(events);
        var masked = Event(2, "{\"Title\":\"[erased]\"}");
        var excused = chain[1] with { ErasedHash = EventChain.HashOf(masked) };
        (long, ChainedEvent?, ChainRow?)[] rows = [(1, events[0], chain[0]), (2, masked, excused), (3, events[2], chain[2])];

        Assert.True(Walk(rows, new HashSet<long> { 2 }).Valid);
        var unrecorded = Walk(rows, new HashSet<long>());
        Assert.Equal((false, 2L), (unrecorded.Valid, unrecorded.FirstBrokenSequence!.Value));
        Assert.Contains("no erasure event", unrecorded.Problem);
        var otherChange = Walk([(1, events[0], chain[0]), (2, Event(2, "{\"Title\":\"forged\"}"), excused), (3, events[2], chain[2])], new HashSet<long> { 2 });
        Assert.Equal(2L, otherChange.FirstBrokenSequence);
    }

    [Fact]
    public void A_changed_a_removed_and_an_inserted_row_are_each_named_by_their_sequence()
    {
        ChainedEvent[] events = [Event(1), Event(2), Event(3)];
        var chain = Chain(events);

        var changed = Walk([(1, events[0], chain[0]), (2, Event(2, "{\"Title\":\"Fairy\"}"), chain[1]), (3, events[2], chain[2])]);
        Assert.Equal((false, 2L), (changed.Valid, changed.FirstBrokenSequence!.Value));
        Assert.Contains("changed", changed.Problem);

        var removed = Walk([(1, events[0], chain[0]), (2, null, chain[1]), (3, events[2], chain[2])]);
        Assert.Equal(2L, removed.FirstBrokenSequence);
        Assert.Contains("removed", removed.Problem);

        var inserted = Walk([(1, events[0], chain[0]), (2, events[1], chain[1]), (3, Event(3), null), (4, Event(4), chain[2] with { Sequence = 4 })]);
        Assert.Equal(3L, inserted.FirstBrokenSequence);
        Assert.Contains("inserted", inserted.Problem);

        // Metadata is covered too: a changed actor header breaks the hash.
        Assert.NotEqual(EventChain.HashOf(events[0]), EventChain.HashOf(events[0] with { Headers = "{\"actor\":\"mallory\"}" }));
        // Re-serialised JSON with other spacing and member order is the same event.
        Assert.Equal(EventChain.HashOf(Event(1, "{\"a\":1,\"b\":2}")), EventChain.HashOf(Event(1, "{ \"b\": 2, \"a\": 1 }")));
    }
}
