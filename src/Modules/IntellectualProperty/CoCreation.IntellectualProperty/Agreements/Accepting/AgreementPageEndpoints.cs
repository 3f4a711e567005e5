using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.IntellectualProperty.Agreements.Accepting;

/// <summary>The agreement page's form: the API's acceptance command, then back where the member came from (post, redirect, get).</summary>
public static class AgreementPageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/agreement/accept", async ([FromForm] string? version, [FromForm] string? returnUrl, HttpContext http, IMessageContext bus) =>
            {
                var back = LocalReturn.Of(returnUrl);
                return await PageForms.Run(() => bus.Send<AcceptanceResponse>(http, new AcceptAgreement(version ?? "", RequestContext.Of(http).Actor)),
                    back ?? "/agreement", back is null ? "/agreement" : $"/agreement?returnUrl={Uri.EscapeDataString(back)}");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .ExcludeFromDescription();
    }
}
