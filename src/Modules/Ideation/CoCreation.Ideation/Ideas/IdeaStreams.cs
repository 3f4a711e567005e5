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

    /// <summary>
    /// Loads the idea a member acts on; an idea that is not public exists only for its authors and invitees: anyone
    /// else is told it does not exist (404), never that it is not theirs (403).
    /// </summary>
    public static async Task<(IEventStream<Idea> Stream, Idea Idea)> LoadFor(IDocumentSession session, Guid ideaId, string member, CancellationToken token)
    {
        var (stream, idea) = await Load(session, ideaId, token);
        if (!IdeaStatuses.IsPublic(idea.Status.ToString()) && !idea.IsAuthor(member) && !idea.Invitations.Contains(member))
            throw new NotFound("idea", ideaId);
        return (stream, idea);
    }

    /// <summary>Only brand members of the organisation that runs the idea's campaign decide on it and post its progress.</summary>
    public static async Task EnsureRunBy(IDocumentSession session, Idea idea, string? organisation, CancellationToken token)
    {
        var campaign = await session.LoadAsync<Campaigns.GettingDetails.CampaignDetails>(idea.CampaignId, token);
        BuildingBlocks.Auth.CampaignAccess.EnsureRunBy(campaign?.Organisation, organisation, "idea", idea.Id);
    }

    public static IdeaStatusChangedIntegrationEvent StatusChanged(Idea idea, IdeaStatus status, string? note, string by, DateTimeOffset at) =>
        new(idea.Id, idea.CampaignId, status.ToString(), note, by, at, idea.Authors);

    public static RuleViolated WrongStatus(Idea idea, string rule, string action, params IdeaStatus[] allowed) =>
        new(rule, $"Idea {idea.Id} is {idea.Status}; {action} only when it is {string.Join(" or ", allowed)}.");
}
