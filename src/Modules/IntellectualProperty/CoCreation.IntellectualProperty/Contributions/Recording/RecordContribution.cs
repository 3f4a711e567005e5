using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Contributions.Recording;

/// <summary>Every submission and revision is a contribution: who, which revision, the hash of what they wrote.</summary>
public static class RecordContributionHandler
{
    public static async Task<OutgoingMessages> Handle(IdeaSubmittedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var provenanceId = Provenance.StreamIdFor(message.IdeaId);
        var contributionId = StreamIds.Derive("ip-contribution", $"{message.IdeaId}/{message.Revision}/{message.SubmittedBy}");
        var stream = await session.Events.FetchForWriting<Provenance>(provenanceId, token);
        if (stream.Aggregate?.Contributions.Any(c => c.Id == contributionId) == true) return [];

        var recorded = new ContributionRecorded(provenanceId, contributionId, message.IdeaId, message.CampaignId, message.SubmittedBy,
            message.Revision, CanonicalContent.Hash(message.Title, message.Description, message.Tags), null, clock.GetUtcNow());
        stream.AppendOne(recorded);
        return [new ContributionRecordedIntegrationEvent(contributionId, recorded.IdeaId, recorded.CampaignId, recorded.Contributor,
            recorded.Revision, recorded.ContentHash, recorded.RecordedAt)];
    }
}
