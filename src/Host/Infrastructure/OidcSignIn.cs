using System.Security.Claims;
using CoCreation.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoCreation.Host.Infrastructure;

/// <summary>The identity provider the pages sign in through outside dev mode (docs/adr/0019).</summary>
public sealed class OidcSettings
{
    public const string Section = "CoCreation:Oidc";
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";

    public string? Authority { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string RoleClaim { get; init; } = "role";
    public string OrganisationClaim { get; init; } = "org";
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile"];
    /// <summary>The provider's name on the sign-in button; the authority's host when not set.</summary>
    public string? DisplayName { get; init; }
    /// <summary>Only a test's provider on a loopback socket may be plain http.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public string ProviderName => DisplayName ?? (Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.Host : "the identity provider");

    /// <summary>Scopes are a list (<c>Scopes:0</c>, <c>Scopes:1</c>) or one space-separated value; <c>openid</c> is always asked for.</summary>
    public static OidcSettings From(IConfiguration config)
    {
        var section = config.GetSection(Section);
        var listed = section.GetSection("Scopes").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        var scopes = listed.Count > 0 ? listed : (section["Scopes"] ?? "openid profile").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
        var settings = new OidcSettings
        {
            Authority = section["Authority"],
            ClientId = section["ClientId"],
            ClientSecret = section["ClientSecret"],
            RoleClaim = section["RoleClaim"] is { Length: > 0 } role ? role : "role",
            OrganisationClaim = section["OrganisationClaim"] is { Length: > 0 } org ? org : "org",
            Scopes = ["openid", .. scopes.Where(s => s != "openid").Distinct()],
            DisplayName = section["DisplayName"] is { Length: > 0 } name ? name : null,
            RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true)
        };
        if (!settings.IsConfigured) return settings;
        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{Section}:Authority must be the provider's absolute URL, e.g. https://login.example.org/realms/cocreation.");
        if (string.IsNullOrWhiteSpace(settings.ClientId))
            throw new InvalidOperationException($"{Section}:ClientId is not set: configure the client id the provider registered for CoCreation.");
        return settings;
    }
}

/// <summary>How the pages sign in: in dev mode anyone as anyone; outside it through the configured provider, or not at all.</summary>
public sealed record PageSignIn(bool DevMode, OidcSettings Oidc)
{
    public bool ThroughProvider => !DevMode && Oidc.IsConfigured;
}

public static class OidcSignIn
{
    /// <summary>Pages challenge through this scheme when a provider signs members in: the cookie for everything else.</summary>
    public const string PageScheme = "Page";

    public static AuthenticationBuilder AddProviderSignIn(this AuthenticationBuilder auth, OidcSettings oidc) => auth
        .AddPolicyScheme(PageScheme, "The cookie, challenged through the identity provider", p =>
        {
            p.ForwardDefault = CookieAuthenticationDefaults.AuthenticationScheme;
            p.ForwardChallenge = OidcSettings.Scheme;
        })
        .AddOpenIdConnect(OidcSettings.Scheme, oidc.ProviderName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can stay SameSite=Lax; PKCE binds the code to this browser.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = OidcSettings.CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
            o.Events.OnTokenValidated = ctx =>
            {
                var (principal, problem) = MemberOf(ctx.Principal!, oidc);
                if (problem is not null) ctx.Fail(problem);
                else ctx.Principal = principal;
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.Response.Redirect("/signin?error=provider");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });

    /// <summary>
    /// The cookie's principal from the provider's ID token: the same claims as the API's tokens (sub, name, role, org),
    /// roles and organisation read from the configured claims. A member the provider gives no known role is a participant.
    /// </summary>
    public static (ClaimsPrincipal? Principal, string? Problem) MemberOf(ClaimsPrincipal provided, OidcSettings oidc)
    {
        var sub = provided.FindFirstValue("sub");
        var org = provided.FindFirstValue(oidc.OrganisationClaim);
        if ((Authentication.SubjectProblem(sub) ?? Authentication.OrganisationProblem(org)) is { } problem) return (null, problem);
        var name = provided.FindFirstValue("name") ?? provided.FindFirstValue("preferred_username") ?? sub!;
        var roles = provided.FindAll(oidc.RoleClaim).Select(c => c.Value).Where(Authentication.IsKnownRole).Distinct().ToList();
        if (roles.Count == 0) roles.Add(Roles.Participant);
        var claims = new List<Claim> { new("sub", sub!), new("name", name) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (org is not null) claims.Add(new Claim(Viewer.OrganisationClaim, org.Trim()));
        return (new ClaimsPrincipal(new ClaimsIdentity(claims, OidcSettings.Scheme, "name", "role")), null);
    }
}
