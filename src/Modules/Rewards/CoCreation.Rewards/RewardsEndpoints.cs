using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Rewards.Campaigns;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Leaderboards;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Sales;
using Marten;
using Wolverine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.Rewards;

public sealed class RewardsEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        Campaigns.Exporting.RewardsExports.Map(routes);
        routes.MapGet("/api/members/{userId}/rewards", async (string userId, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                if (RequestContext.Of(http).Actor != userId && !http.User.IsInRole(Roles.Admin))
                    throw new Forbidden("not-your-rewards", "Only the member or an admin may read a member's rewards.");
                var ledger = await session.LoadAsync<Ledger>(Ledger.StreamIdFor(userId), token) ?? Ledger.Empty(userId);
                return MemberRewards.Of(ledger);
            })
            .WithTags("Rewards")
            .RequireAuthorization()
            .WithSummary("Read a member's points, balance, payouts and badges (that member or an admin)");
        routes.MapPost("/api/ideas/{id:guid}/sales", async (Guid id, SalesRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var reported = await bus.Send<SalesResponse>(http, ReportSalesHandler.ToCommand(body, id, RequestContext.Of(http).Actor, Viewer.Of(http).Organisation));
                return Results.Created($"/api/ideas/{id}/sales", reported);
            })
            .WithTags("Rewards")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand))
            .WithSummary("Report a period's net sales of an idea, paying its royalty parts")
            .Produces<SalesResponse>(StatusCodes.Status201Created);
        routes.MapGet("/api/ideas/{id:guid}/sales", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                var terms = await session.LoadAsync<IdeaRewardTerms>(IdeaRewardTerms.StreamIdFor(id), token) ?? throw new NotFound("idea", id);
                var viewer = Viewer.Of(http);
                if (!viewer.Is(Roles.Legal))
                {
                    var campaign = await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(terms.CampaignId), token);
                    CampaignAccess.EnsureRunBy(campaign?.Organisation, viewer.Organisation, "idea", id);
                }
                return IdeaSales.Of(terms);
            })
            .WithTags("Rewards")
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .WithSummary("Read an idea's sales reports and royalty parts");
        routes.MapGet("/api/campaigns/{id:guid}/leaderboard", async (Guid id, IQuerySession session, CancellationToken token) =>
            {
                // Rewards knows the campaigns that opened; a draft or unknown one has no leaderboard to show.
                _ = await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(id), token) ?? throw new NotFound("campaign", id);
                return (await session.Query<LeaderboardEntry>().Where(e => e.CampaignId == id)
                        .OrderByDescending(e => e.Points).ThenBy(e => e.UserId).Take(100).ToListAsync(token))
                    .Select(e => new LeaderboardPlace(e.UserId, e.Points));
            })
            .WithTags("Rewards")
            .WithSummary("Read a campaign's leaderboard: the top 100 members by points");
        routes.MapGet("/api/campaigns/{id:guid}/donation", async (Guid id, IQuerySession session, CancellationToken token) =>
            {
                // Rewards learns a pledge when the campaign opens: a draft, or a campaign without a pledge, has none to show.
                var donation = await session.LoadAsync<Donations.CampaignDonation>(Donations.CampaignDonation.StreamIdFor(id), token)
                               ?? throw new NotFound("donation", id);
                return Donations.DonationResponse.Of(donation);
            })
            .WithTags("Rewards")
            .WithSummary("Read a campaign's donation pledge and the amount raised so far")
            .Produces<Donations.DonationResponse>();

        SalesPageEndpoints.Map(routes);
    }
}
