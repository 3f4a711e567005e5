using CoCreation.BuildingBlocks.Ui;
using System.Security.Claims;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.Host.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CoCreation.Host.Ui;

/// <summary>
/// The browser's sign-in: a cookie carrying the same claims as the API's tokens (sub, name, role, org). In dev mode
/// anyone signs in as anyone from /signin; outside it, through the OpenID Connect provider the settings name (OidcSignIn).
/// </summary>
public static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder routes, bool devMode)
    {
        if (devMode)
            routes.MapPost("/signin", async (IFormCollection form, HttpContext http) =>
                {
                    var id = form["userId"].ToString().Trim();
                    var name = form["name"].ToString();
                    var org = form["org"].ToString();
                    var returnUrl = form["returnUrl"].ToString();
                    var chosen = form["roles"].OfType<string>().Where(Authentication.IsKnownRole).Distinct().ToList();
                    if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')
                        || Authentication.SubjectProblem(id) is not null || chosen.Count == 0)
                        return Results.Redirect("/signin?error=1");
                    var claims = new List<Claim> { new("sub", id), new("name", string.IsNullOrWhiteSpace(name) ? id : name.Trim()) };
                    claims.AddRange(chosen.Select(r => new Claim("role", r)));
                    if (!string.IsNullOrWhiteSpace(org)) claims.Add(new Claim(Viewer.OrganisationClaim, org.Trim()));
                    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                        new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, "name", "role")));
                    return Results.LocalRedirect(LocalReturn.Of(returnUrl) ?? "/");
                })
                .ExcludeFromDescription();
        var signIn = routes.ServiceProvider.GetRequiredService<PageSignIn>();
        if (signIn.ThroughProvider)
            routes.MapGet("/signin/provider", (string? returnUrl) =>
                    Results.Challenge(new AuthenticationProperties { RedirectUri = LocalReturn.Of(returnUrl) ?? "/" }, [OidcSettings.Scheme]))
                .ExcludeFromDescription();
        routes.MapPost("/signout", async (HttpContext http) =>
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.LocalRedirect("/");
            })
            .RequireFormToken()
            .ExcludeFromDescription();
    }
}
