using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using CoCreation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>
/// Sign-in outside dev mode through a real OpenID Connect exchange: a small provider of the test's own on a loopback
/// socket (discovery, JWKS, authorize, token), and the real host configured to use it, on a database of its own.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const string ClientId = "cocreation-pages";
    private const string ClientSecret = "a-secret-the-provider-checks";
    private WebApplication _provider = null!;
    private string _authority = "";
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Challenge, string Nonce, string RedirectUri)> _codes = new();
    private string? _verifiedVerifier;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["authorization_endpoint"] = $"{_authority}/authorize",
            ["token_endpoint"] = $"{_authority}/token",
            ["jwks_uri"] = $"{_authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" }
        }));
        _provider.MapGet("/jwks", () =>
        {
            var p = _key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        // The member "signs in" at once: the provider answers the authorize request with a code for them.
        _provider.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (q["code_challenge"]!, q["nonce"]!, q["redirect_uri"]!);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        _provider.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
                || !_codes.TryRemove(form["code"].ToString(), out var issued) || form["redirect_uri"] != issued.RedirectUri)
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var verifier = form["code_verifier"].ToString();
            if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Challenge)
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verifier does not match" }, statusCode: 400);
            _verifiedVerifier = verifier;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = _authority,
                Audience = ClientId,
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow.AddMinutes(-1),
                Expires = DateTime.UtcNow.AddMinutes(10),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = "oidc-brand-member", ["name"] = "Ingrid from the provider", ["nonce"] = issued.Nonce,
                    ["groups"] = new[] { "brand", "not-a-role" }, ["company"] = "nordlys"
                },
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256)
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 600, id_token = idToken });
        });
        await _provider.StartAsync();
        _authority = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        await _provider.StopAsync();
        await _provider.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Outside_dev_mode_a_protected_page_sends_the_browser_to_the_provider_with_PKCE_and_the_code_it_returns_signs_the_member_in()
    {
        await using var host = await StartHost(
            $"--CoCreation:Oidc:Authority={_authority}", $"--CoCreation:Oidc:ClientId={ClientId}", $"--CoCreation:Oidc:ClientSecret={ClientSecret}",
            "--CoCreation:Oidc:RequireHttpsMetadata=false", "--CoCreation:Oidc:Scopes=openid profile cocreation",
            "--CoCreation:Oidc:RoleClaim=groups", "--CoCreation:Oidc:OrganisationClaim=company", "--CoCreation:Oidc:DisplayName=Nordlys Login");
        using var browser = Browser(host.Url);

        var me = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        var authorize = me.Headers.Location!;
        Assert.Equal($"{_authority}/authorize", authorize.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.Equal(["openid", "profile", "cocreation"], query["scope"]!.Split(' '));
        Assert.Equal($"{host.Url}/signin-oidc", query["redirect_uri"]);

        var signInPage = await (await browser.GetAsync("/signin?returnUrl=%2Fme")).Content.ReadAsStringAsync();
        Assert.Contains("Sign in with Nordlys Login", signInPage);
        Assert.DoesNotContain("name=\"userId\"", signInPage);
        Assert.Contains("href=\"/signin/provider?returnUrl=%2Fme\"", signInPage);
        var button = await browser.GetAsync("/signin/provider?returnUrl=%2Fme");
        Assert.Equal(HttpStatusCode.Redirect, button.StatusCode);
        Assert.Equal($"{_authority}/authorize", button.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/api/dev/tokens", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);

        // The provider's answer comes back to the host, which redeems the code (with the PKCE verifier) and sets its cookie.
        var answered = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.StartsWith($"{host.Url}/signin-oidc?code=", answered.Headers.Location!.ToString());
        var callback = await browser.GetAsync(answered.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/me", callback.Headers.Location!.OriginalString);
        Assert.NotNull(_verifiedVerifier);

        var mine = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var page = await mine.Content.ReadAsStringAsync();
        Assert.Contains("oidc-brand-member", page);
        Assert.Contains("href=\"/brand\"", page);
        Assert.DoesNotContain("href=\"/legal\"", page);
        // The cookie is the pages' alone: the API still wants a bearer token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task Outside_dev_mode_without_a_provider_the_sign_in_page_says_sign_in_is_not_configured()
    {
        await using var host = await StartHost();
        using var browser = Browser(host.Url);
        var page = await (await browser.GetAsync("/signin")).Content.ReadAsStringAsync();
        Assert.Contains("Sign-in is not configured", page);
        Assert.DoesNotContain("name=\"userId\"", page);
        var me = await browser.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.StartsWith("/signin", me.Headers.Location!.PathAndQuery);
    }

    private static HttpClient Browser(string url) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60)
        };

    private sealed record RunningHost(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>The real host outside dev mode, on a database of its own so its messaging and audit never meet the shared host's.</summary>
    private static async Task<RunningHost> StartHost(params string[] settings)
    {
        var shared = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run the tests with ./test.sh, which starts a private PostgreSQL.");
        var own = new NpgsqlConnectionStringBuilder(shared) { Database = "cocreation_oidc" };
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(shared) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = 'cocreation_oidc'", connection);
            if (await exists.ExecuteScalarAsync() is null)
                await new NpgsqlCommand("create database cocreation_oidc", connection).ExecuteNonQueryAsync();
        }
        var app = CoCreationHost.Build([
            "--urls=http://127.0.0.1:0", "--environment=Development", "--CoCreation:DevMode=false", "--CoCreation:Audit:Chain=false",
            "--CoCreation:Jwt:SigningKey=a-signing-key-for-the-oidc-test-only-0123456789", $"--ConnectionStrings:Postgres={own.ConnectionString}", .. settings]);
        await app.StartAsync();
        return new RunningHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
