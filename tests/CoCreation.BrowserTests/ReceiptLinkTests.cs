using System.Text.Json;
using CoCreation.Audit.Transparency;
using CoCreation.Audit.Transparency.Receipts;
using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>
/// Receipts linked where members see their record (docs/adr/0024): the voter's own vote card and "What I support", the
/// provenance page's contributions; the link shows to the member themself (and legal) only, and leads to a receipt
/// that verifies with nothing but the log's public key.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReceiptLinkTests(BrowserFixture browser)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Reloads the page until the link shows: the receipt exists once a signed checkpoint covers the event (seconds).</summary>
    private static async Task<ILocator> Eventually(IPage page, string url, string testId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await page.GotoAsync(url);
            var link = page.GetByTestId(testId);
            if (await link.CountAsync() > 0) return link.First;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {testId} link at {url} after 60s.");
            await Task.Delay(1000);
        }
    }

    /// <summary>Follows the link as the browser would and checks what it serves offline, with the key alone.</summary>
    private async Task<Receipt> Follow(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        var response = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), r => r.Url.EndsWith(href!, StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        var receipt = JsonSerializer.Deserialize<Receipt>(await response.TextAsync(), Web)!;
        var key = NoteVerifier.Parse(await (await browser.Api.GetAsync("/api/audit/public-key")).Content.ReadAsStringAsync());
        var verdict = ReceiptVerifier.Verify(receipt, [key]);
        Assert.True(verdict.Valid, string.Join("; ", verdict.Failures));
        Assert.Equal($"/receipts/{receipt.Id}", href);
        return receipt;
    }

    [Fact]
    public async Task The_voter_follows_the_link_on_their_vote_card_to_a_receipt_that_verifies_and_nobody_else_is_offered_it()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Lighthouse with a rotating lamp");
        var voterId = Unique("voter");
        var voter = await browser.NewPage();
        await BrowserFixture.SignIn(voter, voterId, "participant");
        await voter.GotoAsync($"/ideas/{ideaId}");
        await voter.GetByRole(AriaRole.Button, new() { Name = "Support", Exact = true }).ClickAsync();
        await Assertions.Expect(voter.GetByTestId("supporters")).ToHaveTextAsync("1");
        await Assertions.Expect(voter.GetByTestId("vote-receipt-line")).ToBeVisibleAsync();

        var link = await Eventually(voter, $"/ideas/{ideaId}", "vote-receipt");
        await Assertions.Expect(link).ToHaveTextAsync("Receipt of my vote");
        var receipt = await Follow(voter, link);
        Assert.Equal("vote_cast", ReceiptVerifier.Verify(receipt, [NoteVerifier.Parse(receipt.VerifierKey)]).EventType);
        Assert.Contains(voterId, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(receipt.Leaf)));
        var mine = (await browser.Send(HttpMethod.Get, "/api/me/votes", await browser.Token(voterId, "participant"))).EnumerateArray()
            .Single(v => v.GetProperty("ideaId").GetGuid() == ideaId);
        Assert.Equal(mine.GetProperty("voteId").GetGuid(), receipt.Id);

        // The member's own list of what they support links the same receipt.
        await voter.GotoAsync("/me");
        await Assertions.Expect(voter.GetByTestId("my-support").GetByTestId("my-vote-receipt"))
            .ToHaveAttributeAsync("href", $"/receipts/{receipt.Id}");

        // Another member, even one who supports the idea too, sees only their own; the voter's receipt is not theirs to open.
        var other = await browser.NewPage();
        await BrowserFixture.SignIn(other, Unique("other"), "participant");
        await other.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(other.GetByTestId("supporters")).ToHaveTextAsync("1");
        await Assertions.Expect(other.GetByTestId("vote-receipt-line")).ToHaveCountAsync(0);
        Assert.DoesNotContain(receipt.Id.ToString(), await other.ContentAsync());
        Assert.Equal(404, (await other.GotoAsync($"/receipts/{receipt.Id}"))!.Status);
        var anonymous = await browser.NewPage();
        await anonymous.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(anonymous.GetByTestId("vote-receipt-line")).ToHaveCountAsync(0);

        // The author, on the provenance page, follows their contribution's receipt.
        var contributor = await browser.NewPage();
        await BrowserFixture.SignIn(contributor, author, "participant");
        var contribution = await Eventually(contributor, $"/ideas/{ideaId}/provenance", "contribution-receipt");
        var proved = await Follow(contributor, contribution);
        Assert.Equal("contribution_recorded", ReceiptVerifier.Verify(proved, [NoteVerifier.Parse(proved.VerifierKey)]).EventType);
    }

    [Fact]
    public async Task On_the_provenance_page_a_co_author_is_offered_their_own_contributions_receipt_not_the_authors_and_legal_both()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Tugboat with a towing winch");
        var authorToken = await browser.Token(author, "participant");
        var coAuthor = Unique("co");
        var coToken = await browser.Token(coAuthor, "participant");
        var version = (await browser.Send(HttpMethod.Get, "/api/ip/agreements/current", coToken)).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", coToken);
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", authorToken, new { userId = coAuthor });
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", coToken);
        Dictionary<string, Guid> receipts;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            receipts = (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", authorToken)).GetProperty("receipts").EnumerateArray()
                .ToDictionary(r => r.GetProperty("contributor").GetString()!, r => r.GetProperty("contributionId").GetGuid());
            if (receipts.ContainsKey(coAuthor)) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        var (authorsReceipt, coAuthorsReceipt) = (receipts[author], receipts[coAuthor]);

        var co = await browser.NewPage();
        await BrowserFixture.SignIn(co, coAuthor, "participant");
        var own = await Eventually(co, $"/ideas/{ideaId}/provenance", "contribution-receipt");
        await Assertions.Expect(co.GetByTestId("contribution-receipt")).ToHaveCountAsync(1);
        await Assertions.Expect(own).ToHaveAttributeAsync("href", $"/receipts/{coAuthorsReceipt}");
        Assert.DoesNotContain($"/receipts/{authorsReceipt}", await co.ContentAsync());
        Assert.Equal(coAuthorsReceipt, (await Follow(co, own)).Id);
        Assert.Equal(404, (await co.GotoAsync($"/receipts/{authorsReceipt}"))!.Status);

        var legal = await browser.NewPage();
        await BrowserFixture.SignIn(legal, Unique("legal"), "legal");
        await Eventually(legal, $"/ideas/{ideaId}/provenance", "contribution-receipt");
        await Assertions.Expect(legal.GetByTestId("contribution-receipt")).ToHaveCountAsync(2);
    }
}
