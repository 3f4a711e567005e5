using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Localization;

namespace CoCreation.Host.Ui;

/// <summary>
/// The pages' language: a member's choice (the switch's cookie) first, then the browser's Accept-Language, else English.
/// The API is not translated: its problem documents name rules, which clients translate.
/// </summary>
public static class Localisation
{
    public static IServiceCollection AddPageLocalisation(this IServiceCollection services) =>
        services.AddLocalization();

    public static IApplicationBuilder UsePageLocalisation(this IApplicationBuilder app) =>
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Languages.English).AddSupportedCultures([.. Languages.All]).AddSupportedUICultures([.. Languages.All]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

    /// <summary>The language switch: a form posting the chosen language, answered by a cookie and a way back.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/language", (IFormCollection form, HttpContext http) =>
            {
                var culture = form["culture"].ToString();
                if (!Languages.All.Contains(culture)) return Results.Redirect(LocalReturn.Of(form["returnUrl"]) ?? "/");
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(LocalReturn.Of(form["returnUrl"]) ?? "/");
            })
            .RequireFormToken()
            .ExcludeFromDescription();
}
