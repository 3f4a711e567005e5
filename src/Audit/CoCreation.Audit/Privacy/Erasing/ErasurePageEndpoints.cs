using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.Audit.Privacy.Erasing;

/// <summary>The admin's erase form: the same eraser as DELETE /api/members/{userId}/personal-data, once the admin has confirmed it.</summary>
public static class ErasurePageEndpoints
{
    public const string NotConfirmed = "erasure-not-confirmed";

    public static IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        [NotConfirmed] = "Nothing was erased: tick “I understand this cannot be undone” and type the member's user id exactly.",
        ["validation"] = "Nothing was erased: a user id is 1 to 64 characters."
    };

    public static void MapErasurePage(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/admin/members/{userId}/erase", async (string userId, [FromForm] string? understood, [FromForm] string? confirmUserId,
                HttpContext http, PersonalDataEraser eraser, CancellationToken token) =>
            {
                var page = MemberPage.Path(userId);
                ErasureResult? erased = null;
                var answer = await PageForms.Run(async () =>
                {
                    new Validation().Length(userId, "userId", 1, 64).ThrowIfInvalid();
                    if (understood != "yes" || confirmUserId?.Trim() != userId)
                        throw new RuleViolated(NotConfirmed, "The erasure was not confirmed.");
                    erased = await eraser.Erase(userId, RequestContext.Of(http).Actor, token);
                }, page, page);
                return erased is null ? answer : Results.LocalRedirect($"{page}?erased={erased.EventsMasked}");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .RequireFormToken()
            .ExcludeFromDescription();
}
