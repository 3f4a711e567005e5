using System.Net;
using System.Text.Json.Nodes;
using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Receipts;
using CoCreation.IntellectualProperty.ProvenanceReports;

namespace CoCreation.EndToEndTests;

/// <summary>
/// The provenance export anchored in the signed log (docs/adr/0011, docs/adr/0024): each exported event carries its
/// receipt, so a bundle whose content was rewritten (and its own chain recomputed to match) is caught offline with
/// only the log's verifier key.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ProvenanceAnchoringTests(PlatformFixture platform)
{
    /// <summary>The export once every one of its events is in a signed checkpoint.</summary>
    private async Task<string> AnchoredExport(Guid ideaId, string legal) =>
        await PlatformFixture.Eventually(async () =>
        {
            var export = await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance/export", legal);
            // IntellectualProperty learns of the submission from Ideation's message: 404 until then.
            if (export.StatusCode != HttpStatusCode.OK) return null;
            var text = await export.Content.ReadAsStringAsync();
            var anchoring = JsonNode.Parse(text)!["anchoring"]!;
            return anchoring["pending"]!.AsArray().Count == 0 ? text : null;
        }, "a signed checkpoint covering every exported event", seconds: 60);

    /// <summary>Rewrites one event's data and recomputes its hash and the bundle's own chain, as whoever holds the file could.</summary>
    private static string Rewrite(string text, string type, string field, string value)
    {
        var bundle = JsonNode.Parse(text)!.AsObject();
        var events = bundle["events"]!.AsArray();
        var target = events.First(e => e!["type"]!.GetValue<string>() == type)!.AsObject();
        target["data"]![field] = value;
        var link = "";
        foreach (var e in events.Select(e => e!.AsObject()))
        {
            var copy = (JsonObject)e.DeepClone();
            copy.Remove("hash");
            e["hash"] = ProvenanceExport.HashOf(copy);
            link = ProvenanceExport.Link(link, e["hash"]!.GetValue<string>());
        }
        bundle["chain"]!["head"] = link;
        bundle["chain"]!["ideaChainHead"] = link;
        return bundle.ToJsonString();
    }

    [Fact]
    public async Task Every_exported_event_carries_its_receipt_and_a_rewritten_bundle_is_caught_offline_with_the_key()
    {
        var s = await new Scenario(platform).WithTokens();
        var (ideaId, _) = await s.SubmitIdea(await s.CreateCampaign());
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var text = await AnchoredExport(ideaId, legal);
        var bundle = JsonNode.Parse(text)!;
        var events = bundle["events"]!.AsArray();
        var anchoring = bundle["anchoring"]!;
        Assert.Equal(events.Count, anchoring["receipts"]!.AsArray().Count);
        var keyText = await (await platform.Send(HttpMethod.Get, "/api/audit/public-key")).Content.ReadAsStringAsync();
        var key = NoteVerifier.Parse(keyText);
        Assert.Equal(keyText, anchoring["verifierKey"]!.GetValue<string>());
        Assert.True(SignedNote.Parse(anchoring["checkpoint"]!.GetValue<string>()).Verify(key).Verified);
        // Each receipt is the one GET /api/receipts/{id} serves for that event (same leaf), e.g. the contribution's.
        var contribution = events.Single(e => e!["type"]!.GetValue<string>() == "contribution_recorded")!;
        var listed = anchoring["receipts"]!.AsArray().Single(r => r!["sequence"]!.GetValue<long>() == contribution["sequence"]!.GetValue<long>())!["receipt"]!;
        var contributionId = listed["id"]!.GetValue<Guid>();
        var served = JsonNode.Parse(await (await platform.Send(HttpMethod.Get, $"/api/receipts/{contributionId}", legal)).Content.ReadAsStringAsync())!;
        Assert.Equal(served["leaf"]!.GetValue<string>(), listed["leaf"]!.GetValue<string>());

        var check = ProvenanceExportVerifier.Verify(text, new OfflineReceiptChecker([key]));
        Assert.True(check.Valid, string.Join("; ", check.Failures));
        Assert.Equal(events.Count, check.Anchored);
        Assert.Equal(anchoring["treeSize"]!.GetValue<long>(), check.AnchorTreeSize);

        // Offline with the host's command line, no database: with the key the anchoring is checked, without it only said.
        var directory = Directory.CreateTempSubdirectory("cocreation-anchoring-");
        try
        {
            var file = Path.Combine(directory.FullName, "provenance.json");
            await File.WriteAllTextAsync(file, text);
            var noDatabase = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = null };
            var (code, output) = await PlatformFixture.RunHostCli(noDatabase, "audit", "verify-export", file, "--key", keyText);
            Assert.True(code == 0, output);
            Assert.Contains($"anchoring: {events.Count} of {events.Count} events anchored in the signed checkpoint of tree size {check.AnchorTreeSize}", output);
            Assert.Contains("valid: true", output);
            (code, output) = await PlatformFixture.RunHostCli(noDatabase, "audit", "verify-export", file);
            Assert.True(code == 0, output);
            Assert.Contains("anchoring: not checked", output);

            // The contribution claimed for someone else, its hash and the bundle's chain recomputed: the bundle alone
            // still verifies (it proves nothing against whoever wrote it), the signed leaves do not agree.
            var forged = Rewrite(text, "contribution_recorded", "Contributor", "someone-else");
            Assert.True(ProvenanceExportVerifier.Verify(forged).Valid);
            var caught = ProvenanceExportVerifier.Verify(forged, new OfflineReceiptChecker([key]));
            Assert.False(caught.Valid);
            Assert.Contains(caught.Failures, f => f.StartsWith($"Event sequence {contribution["sequence"]} (contribution_recorded): the bundle's event differs from the signed log: its data is not the signed leaf's"));
            await File.WriteAllTextAsync(file, forged);
            (code, output) = await PlatformFixture.RunHostCli(noDatabase, "audit", "verify-export", file, "--key", keyText);
            Assert.True(code == 1, output);
            Assert.Contains("its data is not the signed leaf's", output);

            // Under another key (a bundle re-signed by whoever forged it) the receipts are refused.
            using var stranger = CheckpointSigner.Generate(key.Name);
            var refused = ProvenanceExportVerifier.Verify(text, new OfflineReceiptChecker([stranger.Verifier]));
            Assert.False(refused.Valid);
            Assert.Contains(refused.Failures, f => f.Contains("the checkpoint's signature"));
            Assert.Equal(0, refused.Anchored);

            // A receipt dropped without being listed as pending is named.
            var dropped = JsonNode.Parse(text)!;
            dropped["anchoring"]!["receipts"]!.AsArray().RemoveAt(0);
            Assert.Contains(ProvenanceExportVerifier.Verify(dropped.ToJsonString(), new OfflineReceiptChecker([key])).Failures,
                f => f.Contains("has no receipt and is not listed as pending"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
