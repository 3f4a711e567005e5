using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Leaderboards;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Rewards;

public sealed class RewardsEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/members/{userId}/rewards", async (string userId, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                if (RequestContext.Of(http).Actor != userId && !http.User.IsInRole(Roles.Admin))
                    throw new Forbidden("not-your-rewards", "Only the member or an admin may read a member's rewards.");
                var ledger = await session.LoadAsync<Ledger>(Ledger.StreamIdFor(userId), token);
                return new { userId, points = ledger?.Points ?? 0, payouts = Array.Empty<object>(), entries = ledger?.Entries ?? [] };
            })
            .WithTags("Rewards")
            .RequireAuthorization();
        routes.MapGet("/api/campaigns/{id:guid}/leaderboard", async (Guid id, IQuerySession session, CancellationToken token) =>
                (await session.Query<LeaderboardEntry>().Where(e => e.CampaignId == id)
                    .OrderByDescending(e => e.Points).ThenBy(e => e.UserId).Take(100).ToListAsync(token))
                .Select(e => new { e.UserId, e.Points }))
            .WithTags("Rewards");
    }
}
