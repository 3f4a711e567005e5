using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Notifications.Webhooks;

/// <summary>The webhooks page's forms: the same commands as the API, answered with a redirect back to the page.</summary>
public static class WebhookPageEndpoints
{
    public const string SecretCookie = "cocreation-webhook-secret";
    private const string Page = "/brand/webhooks";
    public const string InvalidForm = "webhook-form-invalid";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/brand/webhooks/register", async (HttpContext http, IMessageContext bus, IOptions<WebhookSettings> settings) =>
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var request = new WebhookRequest(form["url"].ToString(), form["kinds"].Select(k => k ?? "").ToList());
                return await PageForms.Run(async () =>
                {
                    var registered = await bus.Send<WebhookRegistered>(http, RegisterWebhookHandler.ToCommand(request, Organisation(http), RequestContext.Of(http).Actor, settings.Value));
                    http.Response.Cookies.Append(SecretCookie, registered.Secret, new CookieOptions
                    {
                        HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = Page, MaxAge = TimeSpan.FromMinutes(2)
                    });
                }, Page, Page, ruleOf: problem => problem is BuildingBlocks.Problems.ValidationFailed ? InvalidForm : problem.Rule);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand)).RequireFormToken().ExcludeFromDescription();
        routes.MapPost("/brand/webhooks/{id:guid}/remove", async (Guid id, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send(http, new RemoveWebhook(id, Organisation(http), RequestContext.Of(http).Actor)), Page, Page))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand)).RequireFormToken().ExcludeFromDescription();
        routes.MapPost("/brand/webhooks/deliveries/{id:guid}/replay", async (Guid id, HttpContext http, IMessageContext bus) =>
                await PageForms.Run(() => bus.Send<ReplayResponse>(http, new ReplayWebhookDelivery(id, Organisation(http), RequestContext.Of(http).Actor)), Page, Page))
            .RequireAuthorization(p => p.RequireRole(Roles.Brand)).RequireFormToken().ExcludeFromDescription();
    }

    private static string Organisation(HttpContext http) => WebhookEndpoints.OrganisationOf(http);
}
