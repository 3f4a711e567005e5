using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.GettingHistory;
using CoCreation.Voting.Ballots.GettingTally;
using CoCreation.Voting.Ballots.Retracting;
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
        var ideas = routes.MapGroup("/api/ideas").WithTags("Voting");
        ideas.MapPost("/{id:guid}/votes", async (Guid id, VoteRequest? body, HttpContext http, IMessageContext bus) =>
            {
                var cast = await bus.Send<VoteCastResponse>(http, CastVoteHandler.ToCommand(body, id, RequestContext.Of(http).Actor));
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
        ideas.MapGet("/{id:guid}/tally", async (Guid id, IQuerySession session, CancellationToken token) =>
        {
            var ballot = await session.LoadAsync<Ballot>(Ballot.StreamIdFor(id), token) ?? throw new NotFound("ballot for idea", id);
            return Tally.Of(ballot);
        });
        ideas.MapGet("/{id:guid}/votes", async (Guid id, IQuerySession session, CancellationToken token) =>
            {
                _ = await session.LoadAsync<Ballot>(Ballot.StreamIdFor(id), token) ?? throw new NotFound("ballot for idea", id);
                return await VoteHistory.Of(session, id, token);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Brand, Roles.Legal))
            .WithSummary("Read the audit history of an idea's votes");
    }
}
