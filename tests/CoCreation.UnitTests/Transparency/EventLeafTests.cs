using System.Security.Cryptography;
using System.Text;
using CoCreation.Audit;
using CoCreation.Audit.Transparency;

namespace CoCreation.UnitTests.Transparency;

public class EventLeafTests
{
    private static readonly ChainedEvent Event = new(7, Guid.Parse("0196d2c4-0000-7000-8000-000000000001"), 3, "idea_submitted",
        "{\"Title\":\"Ferry\",\"Budget\":12}", "corr", "cause", "{\"actor\":\"alice\"}", new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.FromHours(1)),
        Guid.Parse("0196d2c4-0000-7000-8000-0000000000ee"), TenantId: "*DEFAULT*");

    // The leaf encoding ADR 0024 describes, written out: a change to it changes every leaf and must be deliberate.
    private const string Expected =
        "7\n0196d2c4-0000-7000-8000-0000000000ee\n0196d2c4-0000-7000-8000-000000000001\n3\nidea_submitted\n*DEFAULT*\nlive\n" +
        "{\"Budget\":12,\"Title\":\"Ferry\"}\n" +
        "{\"causationId\":\"cause\",\"correlationId\":\"corr\",\"headers\":{\"actor\":\"alice\"},\"timestamp\":\"2026-11-24T12:00:00.0000000+00:00\"}";

    [Fact]
    public void An_events_leaf_is_the_bytes_its_chain_hash_covers_prefixed_for_a_leaf()
    {
        var bytes = EventChain.CanonicalBytes(Event);
        Assert.Equal(Expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal(EventChain.HashOf(Event), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(SHA256.HashData([0x00, .. bytes]), EventLeaf.HashOf(Event));
        Assert.NotEqual(EventLeaf.HashOf(Event), EventLeaf.HashOf(Event with { Archived = true }));
    }
}
