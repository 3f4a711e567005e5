using System.Security.Claims;
using System.Text;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoCreation.Host.Infrastructure;

public sealed class JwtSettings
{
    public const string Section = "CoCreation:Jwt";
    public const int MinimumKeyBytes = 32;
    /// <summary>Only for development and tests; production must configure its own key.</summary>
    public const string DevelopmentKey = "cocreation-development-signing-key-not-for-production-use-0123456789";

    public string Issuer { get; set; } = "cocreation";
    public string Audience { get; set; } = "cocreation";
    public string? SigningKey { get; set; }

    public SymmetricSecurityKey Key => new(Encoding.UTF8.GetBytes(SigningKey ?? DevelopmentKey));
}

public static class Authentication
{
    /// <summary>Names the platform itself writes as actors; no member may sign in as one.</summary>
    public const string PageOrApi = "PageOrApi";

    public static readonly string[] ReservedSubjects = ["anonymous", "system", "community", "screening", "voting"];

    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services, IConfiguration config, bool devMode)
    {
        var settings = config.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        if (settings.SigningKey is null && !devMode)
            throw new InvalidOperationException($"Configure {JwtSettings.Section}:SigningKey (at least {JwtSettings.MinimumKeyBytes} bytes) outside dev mode.");
        if (settings.SigningKey is { } key && Encoding.UTF8.GetByteCount(key) < JwtSettings.MinimumKeyBytes)
            throw new InvalidOperationException(
                $"{JwtSettings.Section}:SigningKey is {Encoding.UTF8.GetByteCount(key)} bytes; HMAC-SHA256 needs at least {JwtSettings.MinimumKeyBytes}. Configure a longer key.");
        services.AddSingleton(settings);
        var signIn = new PageSignIn(devMode, OidcSettings.From(config));
        services.AddSingleton(signIn);
        var pageScheme = signIn.ThroughProvider ? OidcSignIn.PageScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        // The API reads bearer tokens only (a cookie on an API call would make every POST forgeable across sites);
        // the pages read the sign-in cookie, and their forms carry anti-forgery tokens.
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = PageOrApi;
                o.DefaultChallengeScheme = PageOrApi;
            });
        if (signIn.ThroughProvider) auth.AddProviderSignIn(signIn.Oidc);
        auth.AddPolicyScheme(PageOrApi, "Bearer for /api, cookie for pages", p => p.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : pageScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "cocreation";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnValidatePrincipal = ctx =>
                {
                    if (SubjectProblem(ctx.Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub)) is not null) ctx.RejectPrincipal();
                    return Task.CompletedTask;
                };
            })
            .AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = settings.Key,
                NameClaimType = JwtRegisteredClaimNames.Sub,
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30)
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = ctx =>
                {
                    if ((SubjectProblem(ctx.Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub))
                         ?? OrganisationProblem(ctx.Principal?.FindFirstValue(Viewer.OrganisationClaim))) is { } problem) ctx.Fail(problem);
                    return Task.CompletedTask;
                },
                OnChallenge = ctx => WriteUnauthenticated(ctx, devMode)
            };
        });
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ForbiddenExplained>();
        return services;
    }

    /// <summary>Why a token's subject cannot act, or null when it can: every token names a member, briefly.</summary>
    public static string? SubjectProblem(string? subject) => subject switch
    {
        _ when string.IsNullOrWhiteSpace(subject) => "The token has no subject ('sub'): it does not say which member it is.",
        { Length: > Viewer.MaxSubjectLength } => $"The token's subject is longer than {Viewer.MaxSubjectLength} characters.",
        _ when subject.Any(char.IsControl) => "The token's subject contains control characters.",
        _ when ReservedSubjects.Contains(subject, StringComparer.OrdinalIgnoreCase) => $"'{subject}' is reserved for the platform and cannot sign in.",
        _ => null
    };

    /// <summary>Why a token's organisation claim cannot be used, or null: absent, or 1 to 64 letters, digits or - _ . and spaces.</summary>
    public static string? OrganisationProblem(string? organisation) => organisation switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(organisation) || organisation.Length > 64 => "The token's organisation ('org') must be 1 to 64 characters.",
        _ when !organisation.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ') => "The token's organisation ('org') holds characters other than letters, digits, - _ . and spaces.",
        _ => null
    };

    private static async Task WriteUnauthenticated(JwtBearerChallengeContext ctx, bool devMode)
    {
        ctx.HandleResponse();
        var (rule, detail) = ctx.AuthenticateFailure switch
        {
            null when string.IsNullOrEmpty(ctx.Request.Headers.Authorization) => ("token-missing", "This operation needs a bearer token in the Authorization header."),
            null => ("token-malformed", "The Authorization header is not 'Bearer <JWT>'."),
            SecurityTokenExpiredException => ("token-expired", "The bearer token has expired; get a new one."),
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => ("token-bad-signature", "The bearer token's signature does not verify with this platform's key."),
            SecurityTokenMalformedException or ArgumentException => ("token-malformed", "The bearer token is not a well-formed JWT."),
            SecurityTokenInvalidIssuerException or SecurityTokenInvalidAudienceException => ("token-wrong-issuer", "The bearer token was issued for another issuer or audience."),
            SecurityTokenNotYetValidException => ("token-not-yet-valid", "The bearer token is not valid yet."),
            { } failure when failure is not SecurityTokenException => ("token-invalid", failure.Message),
            { } failure => ("token-invalid", $"The bearer token was refused: {failure.GetType().Name.Replace("SecurityToken", "").Replace("Exception", "")}.")
        };
        if (devMode) detail += " In dev mode, get one from POST /api/dev/tokens.";
        ctx.Response.StatusCode = 401;
        ctx.Response.Headers.WWWAuthenticate = "Bearer";
        await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx.HttpContext,
            ProblemDetails = new ProblemDetails { Status = 401, Type = ProblemTypes.For(rule), Title = "Not signed in", Detail = detail }
        });
    }

    public static string IssueToken(JwtSettings settings, string userId, string name, IEnumerable<string> roles, DateTimeOffset now, string? organisation = null)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, userId), new(JwtRegisteredClaimNames.Name, name) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (organisation is not null) claims.Add(new Claim(Viewer.OrganisationClaim, organisation));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddHours(12),
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256)
        });
    }

    public static bool IsKnownRole(string role) => Roles.All.Contains(role);
}
