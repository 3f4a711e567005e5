using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// A page's form endpoint checks the form's anti-forgery token whatever the request carries: the framework checks it
/// only for endpoints that read form fields, and a button-only form (retract, accept, sign out) reads none.
/// </summary>
public static class FormTokens
{
    public static TBuilder RequireFormToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context.HttpContext);
            return await next(context);
        });
}
