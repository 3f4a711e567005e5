using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;
using JasperFx.Events;

namespace CoCreation.Ideation.Ideas;

/// <summary>What every idea slice does the same way: load the stream for writing, announce status changes.</summary>
public static class IdeaStreams
{
    public static async Task<(IEventStream<Idea> Stream, Idea Idea)> Load(IDocumentSession session, Guid ideaId, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Idea>(ideaId, token);
        return (stream, stream.Aggregate ?? throw new NotFound("idea", ideaId));
    }

    public static IdeaStatusChangedIntegrationEvent StatusChanged(Idea idea, IdeaStatus status, string? note, string by, DateTimeOffset at) =>
        new(idea.Id, idea.CampaignId, status.ToString(), note, by, at);

    public static RuleViolated WrongStatus(Idea idea, string rule, string action, params IdeaStatus[] allowed) =>
        new(rule, $"Idea {idea.Id} is {idea.Status}; {action} only when it is {string.Join(" or ", allowed)}.");
}
