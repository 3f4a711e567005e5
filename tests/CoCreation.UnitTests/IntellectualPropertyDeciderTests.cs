using System.Text.Json.Nodes;
using CoCreation.BuildingBlocks.Canonical;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes;
using CoCreation.IntellectualProperty.Disputes.Opening;
using CoCreation.IntellectualProperty.Disputes.Resolving;
using CoCreation.IntellectualProperty.Licences;
using CoCreation.IntellectualProperty.Ownership.Confirming;
using CoCreation.IntellectualProperty.Ownership.Proposing;
using CoCreation.IntellectualProperty.ProvenanceReports;

namespace CoCreation.UnitTests;

public class IntellectualPropertyDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Provenance Idea(params string[] authors)
    {
        var ideaId = Guid.NewGuid();
        var id = Provenance.StreamIdFor(ideaId);
        var provenance = Provenance.Create(new ContributionRecorded(id, Guid.NewGuid(), ideaId, Guid.NewGuid(), authors[0], 1, "hash", "v1", Now));
        foreach (var coAuthor in authors.Skip(1))
            provenance = provenance.Apply(new ContributionRecorded(id, Guid.NewGuid(), ideaId, provenance.CampaignId, coAuthor, 1, "hash", "v2", Now));
        return provenance.Apply(new IdeaAuthorsNoted(id, ideaId, provenance.CampaignId, authors, Now));
    }

    [Theory]
    [InlineData(1, new[] { "100" })]
    [InlineData(2, new[] { "50", "50" })]
    [InlineData(3, new[] { "33.34", "33.33", "33.33" })]
    [InlineData(7, new[] { "14.29", "14.29", "14.29", "14.29", "14.28", "14.28", "14.28" })]
    public void An_equal_split_gives_the_leftover_hundredths_to_the_first_authors_and_always_adds_up_to_100(int authors, string[] expected)
    {
        var shares = OwnershipShare.EqualAmong(Enumerable.Range(0, authors).Select(i => $"a{i}").ToList());
        Assert.Equal(expected.Select(decimal.Parse), shares.Select(s => s.Percent));
        Assert.Equal(100m, shares.Sum(s => s.Percent));
    }

    [Fact]
    public void A_split_must_name_contributors_once_with_two_decimals_adding_up_to_100()
    {
        Assert.Throws<ValidationFailed>(() => ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("a", 50), new("b", 49.99m)]), Guid.NewGuid(), "a"));
        Assert.Throws<ValidationFailed>(() => ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("a", 50.001m), new("b", 49.999m)]), Guid.NewGuid(), "a"));
        Assert.Throws<ValidationFailed>(() => ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("a", 50), new("a", 50)]), Guid.NewGuid(), "a"));
        Assert.Throws<ValidationFailed>(() => ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("a", 0), new("b", 100)]), Guid.NewGuid(), "a"));
        Assert.Throws<ValidationFailed>(() => ProposeOwnershipHandler.ToCommand(new OwnershipRequest(null), Guid.NewGuid(), "a"));
        Assert.Equal(2, ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("a", 66.67m), new("b", 33.33m)]), Guid.NewGuid(), "a").Shares.Count);
    }

    [Fact]
    public void Until_every_listed_contributor_confirms_the_last_confirmed_split_holds()
    {
        var idea = Idea("alice", "bob");
        Assert.Equal([50m, 50m], idea.SharesInForce.Select(s => s.Percent));
        var first = ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("alice", 70), new("bob", 30)]), idea.IdeaId, "alice");
        var proposed = ProposeOwnershipHandler.Decide(idea, first, Now);
        Assert.IsType<OwnershipConfirmed>(proposed[1]);
        idea = idea.Apply((OwnershipProposed)proposed[0]).Apply((OwnershipConfirmed)proposed[1]);
        Assert.Equal(OwnershipBases.Equal, idea.Basis);

        Assert.Equal("not-listed", Assert.Throws<Forbidden>(() => ConfirmOwnershipHandler.Decide(idea, new ConfirmOwnership(idea.IdeaId, "carol"), Now)).Rule);
        Assert.Equal("already-confirmed", Assert.Throws<RuleViolated>(() => ConfirmOwnershipHandler.Decide(idea, new ConfirmOwnership(idea.IdeaId, "alice"), Now)).Rule);
        var confirmed = ConfirmOwnershipHandler.Decide(idea, new ConfirmOwnership(idea.IdeaId, "bob"), Now);
        idea = idea.Apply((OwnershipConfirmed)confirmed[0]).Apply((OwnershipSettled)confirmed[1]);
        Assert.Equal((OwnershipBases.Confirmed, 70m), (idea.Basis, idea.SharesInForce[0].Percent));

        var second = ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("alice", 10), new("bob", 90)]), idea.IdeaId, "bob");
        foreach (var e in ProposeOwnershipHandler.Decide(idea, second, Now))
            idea = e switch { OwnershipProposed p => idea.Apply(p), OwnershipConfirmed c => idea.Apply(c), _ => idea };
        Assert.Equal(70m, idea.SharesInForce[0].Percent);
        Assert.Equal("no-pending-split", Assert.Throws<RuleViolated>(() =>
            ConfirmOwnershipHandler.Decide(idea with { Pending = null }, new ConfirmOwnership(idea.IdeaId, "alice"), Now)).Rule);
        Assert.Equal("not-an-author", Assert.Throws<Forbidden>(() => ProposeOwnershipHandler.Decide(idea, second with { By = "carol" }, Now)).Rule);
        Assert.Equal("not-a-contributor", Assert.Throws<RuleViolated>(() => ProposeOwnershipHandler.Decide(idea,
            second with { Shares = [new OwnershipShare("alice", 50), new OwnershipShare("mallory", 50)] }, Now)).Rule);
    }

    [Fact]
    public void A_split_that_lists_only_the_proposer_holds_at_once()
    {
        var idea = Idea("alice");
        var events = ProposeOwnershipHandler.Decide(idea, ProposeOwnershipHandler.ToCommand(new OwnershipRequest([new("alice", 100)]), idea.IdeaId, "alice"), Now);
        Assert.IsType<OwnershipSettled>(events[^1]);
        Assert.Throws<ValidationFailed>(() => ProposeOwnershipHandler.ToCommand(new OwnershipRequest([null!]), idea.IdeaId, "alice"));
    }

    [Fact]
    public void Selection_licenses_each_contributor_under_the_agreement_of_their_latest_contribution_once()
    {
        var idea = Idea("alice", "bob");
        var registry = AgreementRegistry.Create(new AgreementPublished(AgreementRegistry.StreamId, "v1", "text one", AgreementRegistry.HashOf("text one"), "legal", Now))
            .Apply(new AgreementPublished(AgreementRegistry.StreamId, "v2", "text two", AgreementRegistry.HashOf("text two"), "legal", Now));
        var granted = GrantLicenceHandler.Decide(idea, registry, "brand-1", Now)!;
        Assert.Equal([("alice", "v1", AgreementRegistry.HashOf("text one")), ("bob", "v2", AgreementRegistry.HashOf("text two"))],
            granted.Grants.Select(g => (g.Contributor, g.AgreementVersion, g.AgreementTextHash)));
        Assert.Null(GrantLicenceHandler.Decide(idea.Apply(granted), registry, "brand-1", Now));
    }

    [Fact]
    public void Disputes_come_from_non_contributors_and_are_resolved_once()
    {
        var idea = Idea("alice");
        Assert.Equal("own-idea", Assert.Throws<RuleViolated>(() =>
            OpenDisputeHandler.Decide(idea, OpenDisputeHandler.ToCommand(new DisputeRequest("prior art", "link"), idea.IdeaId, "alice"), Now)).Rule);
        Assert.Throws<ValidationFailed>(() => OpenDisputeHandler.ToCommand(new DisputeRequest("prior art", " "), idea.IdeaId, "rival"));
        var dispute = Dispute.Create(OpenDisputeHandler.Decide(idea, OpenDisputeHandler.ToCommand(new DisputeRequest("prior art", "link"), idea.IdeaId, "rival"), Now));
        Assert.Throws<ValidationFailed>(() => ResolveDisputeHandler.ToCommand(new ResolutionRequest("Maybe", null), dispute.Id, "legal"));
        dispute = dispute.Apply(ResolveDisputeHandler.Decide(dispute, ResolveDisputeHandler.ToCommand(new ResolutionRequest("Upheld", "copied"), dispute.Id, "legal"), Now));
        Assert.Equal(DisputeStatus.Upheld, dispute.Status);
        Assert.Equal("dispute-resolved", Assert.Throws<RuleViolated>(() =>
            ResolveDisputeHandler.Decide(dispute, ResolveDisputeHandler.ToCommand(new ResolutionRequest("Dismissed", null), dispute.Id, "legal"), Now)).Rule);
    }

    private static string Bundle(params (long Sequence, string Type, JsonObject Data)[] events)
    {
        var array = new JsonArray();
        var link = "";
        foreach (var (sequence, type, data) in events)
        {
            var node = new JsonObject { ["sequence"] = sequence, ["type"] = type, ["data"] = data };
            var hash = ProvenanceExport.HashOf(node);
            link = ProvenanceExport.Link(link, hash);
            node["hash"] = hash;
            array.Add(node);
        }
        return new JsonObject
        {
            ["format"] = ProvenanceExport.Format, ["events"] = array,
            ["agreements"] = new JsonArray(new JsonObject { ["version"] = "v1", ["text"] = "terms", ["textHash"] = ProvenanceExport.Sha256("terms") }),
            ["chain"] = new JsonObject { ["events"] = array.Count, ["head"] = link }
        }.ToJsonString();
    }

    [Fact]
    public void The_export_verifier_accepts_an_intact_bundle_whatever_its_layout_and_names_what_was_changed()
    {
        var bundle = Bundle((10, "contribution_recorded", new JsonObject { ["contributor"] = "alice", ["revision"] = 1 }),
            (12, "agreement_accepted", new JsonObject { ["version"] = "v1", ["textHash"] = ProvenanceExport.Sha256("terms") }));
        Assert.True(ProvenanceExportVerifier.Verify(bundle).Valid);
        Assert.True(ProvenanceExportVerifier.Verify(JsonNode.Parse(bundle)!.ToJsonString(new() { WriteIndented = true })).Valid);

        var renamed = ProvenanceExportVerifier.Verify(bundle.Replace("\"alice\"", "\"alicf\""));
        Assert.False(renamed.Valid);
        Assert.Contains(renamed.Failures, f => f.StartsWith("Event #1 (sequence 10, contribution_recorded): hash mismatch"));

        Assert.Contains(ProvenanceExportVerifier.Verify(bundle.Replace("\"terms\"", "\"termz\"")).Failures, f => f.StartsWith("Agreement 'v1'"));
        var chain = JsonNode.Parse(bundle)!;
        chain["chain"]!["head"] = "0000";
        Assert.Contains(ProvenanceExportVerifier.Verify(chain.ToJsonString()).Failures, f => f.StartsWith("Chain head mismatch"));
        var dropped = JsonNode.Parse(bundle)!;
        dropped["events"]!.AsArray().RemoveAt(0);
        Assert.False(ProvenanceExportVerifier.Verify(dropped.ToJsonString()).Valid);
        Assert.StartsWith("Not a readable export", Assert.Single(ProvenanceExportVerifier.Verify("{ not json").Failures));
        var wrongType = JsonNode.Parse(bundle)!;
        wrongType["events"]![0]!["sequence"] = "ten";
        Assert.False(ProvenanceExportVerifier.Verify(wrongType.ToJsonString()).Valid);
        var empty = JsonNode.Parse(bundle)!;
        empty["events"] = new JsonArray();
        empty["chain"]!["events"] = 0;
        empty["chain"]!["head"] = "";
        Assert.Contains(ProvenanceExportVerifier.Verify(empty.ToJsonString()).Failures, f => f.Contains("no contribution"));
    }

    private static readonly Guid Stream = new("5f1c7c1e-0000-4000-8000-000000000001");

    /// <summary>A receipt checker that believes every receipt and reads its leaf from the receipt's own fields (the signature is Audit's to check).</summary>
    private sealed class TrustingChecker : CoCreation.BuildingBlocks.Audit.IReceiptChecker
    {
        public CoCreation.BuildingBlocks.Audit.ReceiptCheck Check(string receiptJson)
        {
            var r = JsonNode.Parse(receiptJson)!;
            return new(r["valid"]?.GetValue<bool>() ?? true, r["valid"]?.GetValue<bool>() == false ? ["the checkpoint's signature: no signature from a known key"] : [],
                new(r["seq"]!.GetValue<long>(), Guid.NewGuid(), Stream, r["version"]!.GetValue<long>(), r["type"]!.GetValue<string>(),
                    CanonicalJson.Of(r["data"]!.ToJsonString())), 40);
        }
    }

    private static JsonObject AnchoredBundle()
    {
        var events = new JsonArray();
        var link = "";
        foreach (var (sequence, version, type, data) in new[] { (10L, 1L, "contribution_recorded", new JsonObject { ["contributor"] = "alice" }),
                     (12L, 2L, "contribution_recorded", new JsonObject { ["contributor"] = "bob" }) })
        {
            var node = new JsonObject { ["sequence"] = sequence, ["streamId"] = Stream.ToString(), ["version"] = version, ["type"] = type, ["data"] = data };
            var hash = ProvenanceExport.HashOf(node);
            link = ProvenanceExport.Link(link, hash);
            node["hash"] = hash;
            events.Add(node);
        }
        JsonObject Receipt(long seq, long version, string contributor) => new()
        {
            ["sequence"] = seq,
            ["receipt"] = new JsonObject { ["seq"] = seq, ["version"] = version, ["type"] = "contribution_recorded", ["data"] = new JsonObject { ["contributor"] = contributor } }
        };
        return new JsonObject
        {
            ["format"] = ProvenanceExport.Format, ["events"] = events, ["agreements"] = new JsonArray(),
            ["chain"] = new JsonObject { ["events"] = events.Count, ["head"] = link },
            ["anchoring"] = new JsonObject { ["treeSize"] = 40, ["receipts"] = new JsonArray(Receipt(10, 1, "alice")), ["pending"] = new JsonArray(12) }
        };
    }

    [Fact]
    public void The_export_verifier_checks_each_receipt_against_the_event_it_claims_and_every_event_is_receipted_or_pending()
    {
        var bundle = AnchoredBundle();
        var checker = new TrustingChecker();
        var check = ProvenanceExportVerifier.Verify(bundle.ToJsonString(), checker);
        Assert.True(check.Valid, string.Join("; ", check.Failures));
        Assert.Equal((1, 40L), (check.Anchored, check.AnchorTreeSize.GetValueOrDefault()));
        Assert.Equal("1 of 2 events anchored in the signed checkpoint of tree size 40; 1 pending (not yet in a signed checkpoint, or erased since)", check.Anchoring);
        // Without a key the receipts are counted, not checked; a bundle made before anchoring still verifies.
        Assert.StartsWith("not checked: 1 of 2 events carry a receipt", ProvenanceExportVerifier.Verify(bundle.ToJsonString()).Anchoring);
        var old = (JsonObject)bundle.DeepClone();
        old.Remove("anchoring");
        var unanchored = ProvenanceExportVerifier.Verify(old.ToJsonString(), checker);
        Assert.True(unanchored.Valid);
        Assert.StartsWith("not anchored", unanchored.Anchoring);

        JsonObject Changed(Action<JsonObject> change) { var copy = (JsonObject)bundle.DeepClone(); change(copy); return copy; }
        IReadOnlyList<string> Failures(JsonObject b) => ProvenanceExportVerifier.Verify(b.ToJsonString(), checker).Failures;
        Assert.Contains("Event sequence 10 (contribution_recorded): the bundle's event differs from the signed log: its data is not the signed leaf's.",
            Failures(Changed(b => b["anchoring"]!["receipts"]![0]!["receipt"]!["data"]!["contributor"] = "mallory")));
        Assert.Contains("Event sequence 10 (contribution_recorded): the bundle's event differs from the signed log: the signed leaf's version is 3.",
            Failures(Changed(b => b["anchoring"]!["receipts"]![0]!["receipt"]!["version"] = 3)));
        Assert.Contains("Event sequence 10 (contribution_recorded): the bundle's event differs from the signed log: the signed leaf is event 11.",
            Failures(Changed(b => b["anchoring"]!["receipts"]![0]!["receipt"]!["seq"] = 11)));
        Assert.Contains("Event sequence 10 (contribution_recorded): receipt: the checkpoint's signature: no signature from a known key.",
            Failures(Changed(b => b["anchoring"]!["receipts"]![0]!["receipt"]!["valid"] = false)));
        Assert.Contains("Anchoring: event sequence 12 has no receipt and is not listed as pending.",
            Failures(Changed(b => b["anchoring"]!["pending"] = new JsonArray())));
        Assert.Contains("Anchoring: sequence 12 is both receipted and pending.",
            Failures(Changed(b => b["anchoring"]!["receipts"]!.AsArray().Add(new JsonObject { ["sequence"] = 12, ["receipt"] = new JsonObject { ["seq"] = 12, ["version"] = 2, ["type"] = "contribution_recorded", ["data"] = new JsonObject { ["contributor"] = "bob" } } }))));
        Assert.Contains("Anchoring: a receipt for sequence 99, which is not in the bundle.",
            Failures(Changed(b => b["anchoring"]!["receipts"]!.AsArray().Add(new JsonObject { ["sequence"] = 99, ["receipt"] = new JsonObject() }))));
        Assert.Contains("'anchoring' is not { receipts: [...], pending: [...] }.", Failures(Changed(b => b["anchoring"] = "yes")));
    }

    [Fact]
    public void Canonical_json_sorts_members_by_code_units_and_drops_white_space()
    {
        Assert.Equal("{\"a\":[1,2.50,\"x\\ny\"],\"b\":{\"B\":null,\"a\":true}}", CanonicalJson.Of("{ \"b\": { \"a\": true, \"B\": null }, \"a\": [1, 2.50, \"x\\ny\"] }"));
    }
}
