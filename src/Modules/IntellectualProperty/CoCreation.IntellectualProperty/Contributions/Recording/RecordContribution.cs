using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Contributions.Recording;

/// <summary>Every submission, revision and accepted co-authorship is a contribution: who, which revision, the hash of the content.</summary>
public static class RecordContributionHandler
{
    public static Task<OutgoingMessages> Handle(IdeaSubmittedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        Record(session, message.IdeaId, message.CampaignId, message.SubmittedBy, message.Revision,
            CanonicalContent.Hash(message.Title, message.Description, message.Tags), clock.GetUtcNow(), token);

    /// <summary>An accepted co-authorship makes the co-author a contributor of the idea's current revision.</summary>
    public static Task<OutgoingMessages> Handle(IdeaCoAuthorJoinedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        Record(session, message.IdeaId, message.CampaignId, message.CoAuthor, message.Revision,
            CanonicalContent.Hash(message.Title, message.Description, message.Tags), clock.GetUtcNow(), token);

    private static async Task<OutgoingMessages> Record(IDocumentSession session, Guid ideaId, Guid campaignId, string contributor, int revision,
        string contentHash, DateTimeOffset now, CancellationToken token)
    {
        var provenanceId = Provenance.StreamIdFor(ideaId);
        var contributionId = StreamIds.Derive("ip-contribution", $"{ideaId}/{revision}/{contributor}");
        var stream = await session.Events.FetchForWriting<Provenance>(provenanceId, token);
        if (stream.Aggregate?.Contributions.Any(c => c.Id == contributionId) == true) return [];

        var agreements = await session.LoadAsync<MemberAgreements>(MemberAgreements.StreamIdFor(contributor), token);
        var recorded = new ContributionRecorded(provenanceId, contributionId, ideaId, campaignId, contributor, revision, contentHash,
            agreements?.Acceptances.LastOrDefault()?.Version, now);
        stream.AppendOne(recorded);
        return [new ContributionRecordedIntegrationEvent(contributionId, recorded.IdeaId, recorded.CampaignId, recorded.Contributor,
            recorded.Revision, recorded.ContentHash, recorded.RecordedAt)];
    }
}
