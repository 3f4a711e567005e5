using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.GettingHistory;
using CoCreation.Voting.Ballots.GettingSupporters;
using CoCreation.Voting.Ballots.Mine;
using CoCreation.Voting.Ballots.GettingTally;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Voting.Campaigns;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Voting;

public sealed class VotingEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
        SupportEndpoints.Map(routes);
        Campaigns.Exporting.VotingExports.Map(routes);
        var ideas = routes.MapGroup("/api/ideas").WithTags("Voting");
        ideas.MapPost("/{id:guid}/votes", async (Guid id, VoteRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var cast = await bus.Send<VoteCastResponse>(http, CastVoteHandler.ToCommand(body, id, Viewer.Of(http)));
                return Results.Created($"/api/ideas/{id}/tally", cast);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Vote for an idea (support, or a score in rating campaigns)")
            .Produces<VoteCastResponse>(StatusCodes.Status201Created);
        ideas.MapDelete("/{id:guid}/votes/mine", async (Guid id, HttpContext http, IMessageContext bus) =>
            {
                await bus.Send(http, new RetractVote(id, RequestContext.Of(http).Actor));
                return Results.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .WithSummary("Retract one's vote for an idea")
            .Produces(StatusCodes.Status204NoContent);
        ideas.MapGet("/{id:guid}/tally", async (Guid id, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken token) =>
        {
            var viewer = Viewer.Of(http);
            var ballot = await VisibleBallot(session, id, viewer, token);
            var disclosure = await Ballots.Disclosing.VotingTallyDisclosure.Of(session, viewer, ballot.CampaignId, clock.GetUtcNow(), token);
            return Tally.Of(ballot, disclosure.Shows(id));
        })
            .WithSummary("Read an idea's vote tally");
        ideas.MapGet("/{id:guid}/referrals/mine", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                var viewer = Viewer.Of(http);
                await VisibleBallot(session, id, viewer, token);
                var referrals = await session.LoadAsync<Ballots.Sharing.IdeaReferrals>(Ballot.StreamIdFor(id), token);
                return new Ballots.Sharing.ReferralResponse(id, viewer.Id!, $"/ideas/{id}?ref={Uri.EscapeDataString(viewer.Id!)}", referrals?.BroughtBy(viewer.Id!) ?? 0);
            })
            .RequireAuthorization()
            .WithSummary("My share link for an idea, and how many of its current supporters came through it");
        ideas.MapGet("/{id:guid}/supporters", (Guid id, string? bucket, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken token) =>
                SupportersQuery.Of(session, id, bucket, Viewer.Of(http), clock.GetUtcNow(), token))
            .WithMetadata(new QueryValues("bucket", [SupportersQuery.Day]))
            .WithSummary("Read an idea's supporters at the end of each day, against its milestone ladder");
        routes.MapGet("/api/me/votes", (HttpContext http, IQuerySession session, CancellationToken token) =>
                MyVotes.Of(session, Viewer.Of(http).Id!, token))
            .WithTags("Voting")
            .RequireAuthorization()
            .WithSummary("List the ideas I support now");
        ideas.MapGet("/{id:guid}/votes", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
            {
                var ballot = await session.LoadAsync<Ballot>(Ballot.StreamIdFor(id), token) ?? throw new NotFound("idea", id);
                var viewer = Viewer.Of(http);
                if (!viewer.Is(Roles.Legal))
                {
                    var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(ballot.CampaignId), token);
                    CampaignAccess.EnsureRunBy(rules?.Organisation, viewer.Organisation, "idea", id);
                }
                return await VoteHistory.Of(session, id, token);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .WithSummary("Read the audit history of an idea's votes");
    }

    /// <summary>The idea's ballot, if the viewer may see the idea: one that is not public is 404 but to its authors, moderators, legal and the campaign's brand.</summary>
    private static async Task<Ballot> VisibleBallot(IQuerySession session, Guid id, Viewer viewer, CancellationToken token)
    {
        var ballot = await session.LoadAsync<Ballot>(Ballot.StreamIdFor(id), token) ?? throw new NotFound("idea", id);
        if (ballot.IsPublic) return ballot;
        var rules = await session.LoadAsync<CampaignVotingRules>(CampaignVotingRules.StreamIdFor(ballot.CampaignId), token);
        return viewer.SeesNonPublic(ballot.Authors, rules?.Organisation) ? ballot : throw new NotFound("idea", id);
    }
}
