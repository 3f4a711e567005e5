using System.Security.Claims;
using System.Text;
using CoCreation.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoCreation.Host.Infrastructure;

public sealed class JwtSettings
{
    public const string Section = "CoCreation:Jwt";
    /// <summary>Only for development and tests; production must configure its own key.</summary>
    public const string DevelopmentKey = "cocreation-development-signing-key-not-for-production-use-0123456789";

    public string Issuer { get; set; } = "cocreation";
    public string Audience { get; set; } = "cocreation";
    public string? SigningKey { get; set; }

    public SymmetricSecurityKey Key => new(Encoding.UTF8.GetBytes(SigningKey ?? DevelopmentKey));
}

public static class Authentication
{
    public static IServiceCollection AddBearerAuthentication(this IServiceCollection services, IConfiguration config, bool devMode)
    {
        var settings = config.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        if (settings.SigningKey is null && !devMode)
            throw new InvalidOperationException($"Configure {JwtSettings.Section}:SigningKey (at least 32 bytes) outside dev mode.");
        services.AddSingleton(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
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
        });
        services.AddAuthorization();
        return services;
    }

    public static string IssueToken(JwtSettings settings, string userId, string name, IEnumerable<string> roles, DateTimeOffset now)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, userId), new(JwtRegisteredClaimNames.Name, name) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
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
