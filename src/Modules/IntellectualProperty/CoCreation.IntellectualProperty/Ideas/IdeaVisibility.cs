using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Metadata;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Campaigns;
using CoCreation.IntellectualProperty.Contributions;
using Marten;

namespace CoCreation.IntellectualProperty.Ideas;

/// <summary>Ideation said the idea became public, or stopped being public: what outsiders may learn of its provenance follows.</summary>
public sealed record IdeaVisibilityNoted(Guid ProvenanceId, Guid IdeaId, Guid CampaignId, bool Public, string Status, DateTimeOffset NotedAt) : ICampaignScoped;

public static class IdeaVisibilityHandler
{
    public static async Task Handle(IdeaStatusChangedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Provenance>(Provenance.StreamIdFor(message.IdeaId), token);
        // The idea's first contribution (from its submission) travels on another queue; wait for it rather than lose the change.
        var provenance = stream.Aggregate ?? throw new FactNotYetKnown($"No provenance yet for idea {message.IdeaId}.");
        var isPublic = IdeaStatuses.IsPublic(message.Status);
        if (provenance.Public == isPublic) return;
        stream.AppendOne(new IdeaVisibilityNoted(provenance.Id, provenance.IdeaId, provenance.CampaignId, isPublic, message.Status, message.ChangedAt));
    }
}

/// <summary>
/// Who may learn what of an idea's provenance: a non-public idea (pending, rejected, hidden, withdrawn) does not exist for
/// anyone but its contributors, legal and the campaign's brand; for a public one, a refusal says who may.
/// </summary>
public static class ProvenanceAccess
{
    public static async Task<Provenance> Load(IQuerySession session, Guid ideaId, Viewer viewer, CancellationToken token)
    {
        var provenance = await session.LoadAsync<Provenance>(Provenance.StreamIdFor(ideaId), token) ?? throw new NotFound("idea", ideaId);
        if (provenance.Public || viewer.Is(Roles.Legal) || viewer.Is(Roles.Moderator) || (viewer.Id is { } me && provenance.Contributors.Contains(me)))
            return provenance;
        if (viewer.Organisation is not null && viewer.RunsCampaignOf(await OrganisationOf(session, provenance.CampaignId, token))) return provenance;
        throw new NotFound("idea", ideaId);
    }

    public static async Task<string?> OrganisationOf(IQuerySession session, Guid campaignId, CancellationToken token) =>
        (await session.LoadAsync<CampaignOrganisation>(CampaignOrganisation.StreamIdFor(campaignId), token))?.Organisation;

    /// <summary>Ownership shares are commercial terms: the idea's contributors, legal and the brand that runs the campaign.</summary>
    public static async Task EnsureMayReadShares(IQuerySession session, Provenance provenance, Viewer viewer, CancellationToken token)
    {
        if (viewer.Is(Roles.Legal) || (viewer.Id is { } me && provenance.Contributors.Contains(me))) return;
        if (viewer.RunsCampaignOf(await OrganisationOf(session, provenance.CampaignId, token))) return;
        throw new Forbidden("not-a-contributor", "Only the idea's contributors, legal and the brand that runs its campaign may read its ownership shares.");
    }
}
