using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoCreation.IntellectualProperty.ProvenanceReports;
using Microsoft.Playwright;
using Npgsql;

namespace CoCreation.BrowserTests;

/// <summary>IntellectualProperty's pages in Chromium: /legal, an idea's provenance, the dispute form in the idea page's actions, the splits on /me.</summary>
[Collection(BrowserCollection.Name)]
public class LegalPageTests(BrowserFixture browser, OwnAgreementHost own) : IClassFixture<OwnAgreementHost>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_dispute_opened_from_the_idea_page_is_resolved_on_the_legal_page_where_conflicts_of_interest_are_refused_in_words()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Tugboat with a fire monitor");
        var claim = $"Prior art {Guid.NewGuid():N}"[..20];
        var claimant = await browser.NewPage();
        await BrowserFixture.SignIn(claimant, Unique("claimant"), "participant", "legal");
        await claimant.GotoAsync($"/ideas/{ideaId}");
        await claimant.GetByText("Claim prior art or an infringement").ClickAsync();
        await claimant.GetByLabel("Claim", new() { Exact = true }).FillAsync(claim);
        await claimant.GetByLabel("Evidence").FillAsync("My 2018 tug, catalogue page 4.");
        await Button(claimant, "Open dispute").ClickAsync();
        await Assertions.Expect(claimant.GetByTestId("my-dispute")).ToContainTextAsync("legal will decide");

        // The claimant is legal too, but nobody resolves a dispute they opened.
        await claimant.GotoAsync("/legal");
        var mine = claimant.GetByTestId("open-dispute").Filter(new() { HasText = claim });
        await Assertions.Expect(mine).ToContainTextAsync("another member of legal must resolve it");
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Resolve dispute" })).ToHaveCountAsync(0);

        // Nor does a member of legal who contributed to the idea: the handler refuses, the page says why.
        var authorLegal = await browser.NewPage();
        await BrowserFixture.SignIn(authorLegal, author, "participant", "legal");
        await authorLegal.GotoAsync("/legal");
        var asAuthor = authorLegal.GetByTestId("open-dispute").Filter(new() { HasText = claim });
        await asAuthor.GetByLabel("Dismissed").CheckAsync();
        await asAuthor.GetByRole(AriaRole.Button, new() { Name = "Resolve dispute" }).ClickAsync();
        await Assertions.Expect(authorLegal.GetByRole(AriaRole.Alert).First)
            .ToHaveTextAsync("You contributed to this idea: another member of legal must resolve this dispute.");

        var legal = await browser.NewPage();
        await BrowserFixture.SignIn(legal, Unique("legal"), "legal");
        await legal.GotoAsync("/legal");
        var dispute = legal.GetByTestId("open-dispute").Filter(new() { HasText = claim });
        await Assertions.Expect(dispute).ToContainTextAsync("My 2018 tug, catalogue page 4.");
        await dispute.GetByLabel("Dismissed").CheckAsync();
        await dispute.GetByLabel("Note").FillAsync("A different hull.");
        await Screenshots.Take(legal, "legal");
        await dispute.GetByRole(AriaRole.Button, new() { Name = "Resolve dispute" }).ClickAsync();
        await Assertions.Expect(legal.GetByTestId("open-dispute").Filter(new() { HasText = claim })).ToHaveCountAsync(0);
        await Assertions.Expect(legal.GetByTestId("resolved-dispute").Filter(new() { HasText = claim })).ToContainTextAsync("Dismissed");

        await claimant.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(claimant.GetByTestId("my-dispute")).ToContainTextAsync("Dismissed");
    }

    [Fact]
    public async Task A_contributor_reads_the_provenance_legal_downloads_an_export_that_verifies_and_an_outsider_finds_nothing()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Pilot boat with a boarding ladder");
        var report = await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", await browser.Token(author, "participant"));
        var hash = report.GetProperty("contributions")[0].GetProperty("contentHash").GetString()!;

        var contributor = await browser.NewPage();
        await BrowserFixture.SignIn(contributor, author, "participant");
        await contributor.GotoAsync($"/ideas/{ideaId}/provenance");
        await Assertions.Expect(contributor.GetByTestId("content-hash").First).ToHaveTextAsync(hash);
        await Assertions.Expect(contributor.GetByTestId("contributions")).ToContainTextAsync(author);
        await Assertions.Expect(contributor.GetByTestId("integrity")).ToContainTextAsync("Intact");
        await Assertions.Expect(contributor.GetByRole(AriaRole.Link, new() { Name = "Download export" })).ToHaveCountAsync(0);
        await Screenshots.Take(contributor, "provenance");

        var legal = await browser.NewPage();
        await BrowserFixture.SignIn(legal, Unique("legal"), "legal");
        await legal.GotoAsync($"/ideas/{ideaId}/provenance");
        var key = await (await browser.Api.GetAsync("/api/audit/public-key")).Content.ReadAsStringAsync();
        await Assertions.Expect(legal.GetByTestId("verify-command")).ToHaveTextAsync($"dotnet CoCreation.Host.dll audit verify-export provenance-{ideaId}.json --key \"{key}\"");
        var download = await legal.RunAndWaitForDownloadAsync(() => legal.GetByRole(AriaRole.Link, new() { Name = "Download export" }).ClickAsync());
        Assert.Equal($"provenance-{ideaId}.json", download.SuggestedFilename);
        var file = await download.PathAsync();
        var check = ProvenanceExportVerifier.Verify(await File.ReadAllTextAsync(file));
        Assert.True(check.Valid, string.Join("\n", check.Failures));
        Assert.Contains(hash, await File.ReadAllTextAsync(file));

        var outsider = await browser.NewPage();
        await BrowserFixture.SignIn(outsider, Unique("outsider"), "participant");
        var response = await outsider.GotoAsync($"/ideas/{ideaId}/provenance");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await outsider.GotoAsync($"/ideas/{ideaId}");
        await Assertions.Expect(outsider.GetByTestId("contributors")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_author_proposes_a_split_and_the_co_author_confirms_it_from_their_own_page()
    {
        var (_, ideaId, author) = await browser.PublishedIdea("Dredger with a spoil barge");
        var authorToken = await browser.Token(author, "participant");
        var coAuthor = Unique("co");
        var coToken = await browser.Token(coAuthor, "participant");
        var version = (await browser.Send(HttpMethod.Get, "/api/ip/agreements/current", coToken)).GetProperty("version").GetString()!;
        await browser.Send(HttpMethod.Post, $"/api/ip/agreements/{version}/acceptances", coToken);
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors", authorToken, new { userId = coAuthor });
        await browser.Send(HttpMethod.Post, $"/api/ideas/{ideaId}/coauthors/accept", coToken);
        await BrowserFixture.Eventually(async () =>
            (await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", authorToken)).GetProperty("shares").GetArrayLength() == 2 ? (bool?)true : null);

        var page = await browser.NewPage();
        await BrowserFixture.SignIn(page, author, "participant");
        await page.GotoAsync($"/ideas/{ideaId}/provenance");
        await page.GetByText("Propose an ownership split").ClickAsync();
        await page.GetByLabel($"Share of {author} (%)").FillAsync("70");
        await page.GetByLabel($"Share of {coAuthor} (%)").FillAsync("20");
        await Button(page, "Propose split").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToHaveTextAsync("The shares must add up to exactly 100, each above 0 with at most two decimals.");
        await page.GetByLabel($"Share of {author} (%)").FillAsync("70");
        await page.GetByLabel($"Share of {coAuthor} (%)").FillAsync("30");
        await Button(page, "Propose split").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pending-split")).ToContainTextAsync($"Awaiting: {coAuthor}.");
        await Assertions.Expect(page.GetByTestId("shares-in-force")).ToContainTextAsync($"{author}: 50 %");

        var co = await browser.NewPage();
        await BrowserFixture.SignIn(co, coAuthor, "participant");
        await co.GotoAsync("/me");
        var split = co.GetByTestId("split-to-confirm").Filter(new() { HasText = $"{author} proposes" });
        await Assertions.Expect(split).ToContainTextAsync($"{coAuthor}: 30 %");
        await split.GetByRole(AriaRole.Button, new() { Name = "Confirm split" }).ClickAsync();
        await co.GotoAsync("/me");
        await Assertions.Expect(co.GetByTestId("split-to-confirm").Filter(new() { HasText = $"{author} proposes" })).ToHaveCountAsync(0);

        var ownership = await browser.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/ownership", authorToken);
        Assert.Equal(("confirmed", true), (ownership.GetProperty("basis").GetString(), ownership.GetProperty("confirmed").GetBoolean()));
        await page.GotoAsync($"/ideas/{ideaId}/provenance");
        await Assertions.Expect(page.GetByTestId("shares-in-force")).ToContainTextAsync($"{author}: 70 %");
        await Assertions.Expect(page.GetByTestId("shares-in-force")).ToContainTextAsync($"{coAuthor}: 30 %");
    }

    [Fact]
    public async Task Legal_publishes_a_version_and_sees_its_acceptances_rise_once_a_member_accepts_it()
    {
        // On a host and database of its own: a new agreement version would make every other test's members accept again.
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = own.Url, ViewportSize = new() { Width = 1100, Height = 900 } });
        var legal = await context.NewPageAsync();
        await BrowserFixture.SignIn(legal, Unique("legal"), "legal");
        await legal.GotoAsync("/legal");
        var version = $"v{Guid.NewGuid():N}"[..10];
        await Button(legal, "Publish version").ClickAsync();
        await Assertions.Expect(legal.Locator("#version-error")).ToBeVisibleAsync();
        await Assertions.Expect(legal.Locator("#text-error")).ToBeVisibleAsync();
        await legal.GetByLabel("Version", new() { Exact = true }).FillAsync(version);
        await legal.GetByLabel("Text", new() { Exact = true }).FillAsync("Contributors license their ideas to the brand that runs the campaign.");
        await Button(legal, "Publish version").ClickAsync();
        var row = legal.Locator($"tr[data-version='{version}']");
        await Assertions.Expect(row).ToContainTextAsync("in force");
        await Assertions.Expect(row.GetByTestId("acceptances")).ToHaveTextAsync("0");

        await legal.GetByLabel("Version", new() { Exact = true }).FillAsync(version);
        await legal.GetByLabel("Text", new() { Exact = true }).FillAsync("Another text.");
        await Button(legal, "Publish version").ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Alert).First).ToContainTextAsync("That version was already published");

        var memberContext = await browser.Browser.NewContextAsync(new() { BaseURL = own.Url });
        var member = await memberContext.NewPageAsync();
        await BrowserFixture.SignIn(member, Unique("member"), "participant");
        await member.GotoAsync("/agreement");
        await Assertions.Expect(member.GetByTestId("agreement-version")).ToHaveTextAsync(version);
        await Button(member, "Accept agreement").ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync($"You accepted version {version}");

        await legal.GotoAsync("/legal");
        await Assertions.Expect(legal.Locator($"tr[data-version='{version}']").GetByTestId("acceptances")).ToHaveTextAsync("1");
        await context.CloseAsync();
        await memberContext.CloseAsync();
    }
}

/// <summary>The host's own executable on a database of its own, for the one test that publishes an agreement version.</summary>
public sealed class OwnAgreementHost : IAsyncLifetime
{
    public string Url { get; private set; } = "";
    private Process? _host;
    private string _database = "";
    private string _server = "";

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                  ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run the tests with ./test.sh.");
        _database = $"legal_page_{Guid.NewGuid():N}"[..24];
        await using (var admin = NpgsqlDataSource.Create(_server))
        await using (var create = admin.CreateCommand($"create database {_database}"))
            await create.ExecuteNonQueryAsync();
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoCreation.Host.dll"));
        start.ArgumentList.Add($"--urls={Url}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["CoCreation__DevMode"] = "true";
        start.Environment["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (_host.HasExited) throw new InvalidOperationException($"The host stopped with code {_host.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The host did not become ready.");
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
            _host.Dispose();
        }
        await using var admin = NpgsqlDataSource.Create(_server);
        await using var drop = admin.CreateCommand($"drop database if exists {_database} with (force)");
        await drop.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
