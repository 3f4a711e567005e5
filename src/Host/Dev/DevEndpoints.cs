using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.BuildingBlocks.Time;
using CoCreation.Host.Infrastructure;

namespace CoCreation.Host.Dev;

public sealed record TokenRequest([property: Required] string? UserId, string? Name, [property: Required] List<string>? Roles, string? Org = null);

public sealed record ClockAdvanceRequest(double? Days, double? Hours);

/// <summary>
/// Routes that exist only with CoCreation:DevMode=true: tokens without an identity provider, and a clock to move.
/// Tokens live in real time (as JWT validation does), not on the application clock, so moving the clock never locks anyone out.
/// </summary>
public static class DevEndpoints
{
    public static void MapDevEndpoints(this IEndpointRouteBuilder routes)
    {
        var dev = routes.MapGroup("/api/dev").WithTags("Dev");
        dev.MapPost("/tokens", (TokenRequest body, JwtSettings settings) =>
        {
            var roles = body.Roles ?? [];
            new Validation()
                .Require(body.UserId is { Length: > 0 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'),
                    "userId", "'userId' is required: 1 to 64 letters, digits or - _ . @")
                .Require(body.UserId is null || !Authentication.ReservedSubjects.Contains(body.UserId, StringComparer.OrdinalIgnoreCase), "userId",
                    $"'userId' must not be one of the platform's own actors: {string.Join(", ", Authentication.ReservedSubjects)}.")
                .Require(roles.Count is > 0 and <= 5 && roles.All(r => r is not null && Authentication.IsKnownRole(r)) && roles.Distinct().Count() == roles.Count, "roles",
                    $"'roles' lists 1 to 5 distinct roles among: {string.Join(", ", CoCreation.BuildingBlocks.Auth.Roles.All)}.")
                .Require(body.Name is null || body.Name.Length <= 200, "name", "'name' must be at most 200 characters.")
                .Require(body.Org is null || (body.Org.Length is > 0 and <= 64 && body.Org.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')), "org",
                    "'org' is a brand organisation: 1 to 64 letters, digits or - _ .")
                .ThrowIfInvalid();
            return new DevToken(Authentication.IssueToken(settings, body.UserId!, body.Name ?? body.UserId!, roles, TimeProvider.System.GetUtcNow(), body.Org));
        })
            .WithSummary("Issue a token (dev mode only); brand members may name their organisation ('org')");
        dev.MapPost("/clock/advance", async (ClockAdvanceRequest body, AppClock clock, IEnumerable<IDueWork> dueWork, Npgsql.NpgsqlDataSource database,
                CancellationToken token) =>
        {
            var days = (body.Days ?? 0) + (body.Hours ?? 0) / 24;
            new Validation()
                .Require(double.IsFinite(days) && days > 0 && days <= 3650 && body.Days is null or >= 0 && body.Hours is null or >= 0,
                    "days", "Advance by a positive amount of at most 3650 days ('days' and/or 'hours').")
                .ThrowIfInvalid();
            var by = TimeSpan.FromDays(days);
            var now = clock.Advance(by);
            var ran = 0;
            foreach (var work in dueWork) ran += await work.RunDueAsync(now, token);
            // What became due cascades through the modules' queues (an expiry reaches Ideation, then Rewards): answer once it has.
            var settled = await MessageQueues.Settle(database, TimeSpan.FromSeconds(20), token);
            return new ClockAdvanced(now, ran, settled);
        })
            .WithSummary("Move the application clock forward and run what falls due (dev mode only)");
    }
}

/// <summary>Settled: every message the move caused was handled before the answer (false only if that took longer than the wait).</summary>
public sealed record ClockAdvanced(DateTimeOffset Now, int Ran, bool Settled);

public sealed record DevToken(string Token);
