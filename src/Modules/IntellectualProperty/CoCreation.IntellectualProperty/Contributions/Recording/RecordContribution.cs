using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Contributions.Recording;

/// <summary>
/// Every submission, revision and accepted co-authorship is a contribution: who, which revision, the hash of the
/// canonical content, the agreement version the contributor had accepted. The idea's authors are noted with it;
/// while no split is confirmed, a change of authors changes the equal split Rewards pays by.
/// </summary>
public static class RecordContributionHandler
{
    public static Task<OutgoingMessages> Handle(IdeaSubmittedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        Record(session, message.IdeaId, message.CampaignId, message.SubmittedBy, message.Revision, message.Authors,
            CanonicalContent.Hash(message.Title, message.Description, message.Tags, message.Attachments), clock.GetUtcNow(), token);

    /// <summary>An accepted co-authorship makes the co-author a contributor of the idea's current revision.</summary>
    public static Task<OutgoingMessages> Handle(IdeaCoAuthorJoinedIntegrationEvent message, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        Record(session, message.IdeaId, message.CampaignId, message.CoAuthor, message.Revision, message.Authors,
            CanonicalContent.Hash(message.Title, message.Description, message.Tags, message.Attachments), clock.GetUtcNow(), token);

    private static async Task<OutgoingMessages> Record(IDocumentSession session, Guid ideaId, Guid campaignId, string contributor, int revision,
        IReadOnlyList<string> authors, string contentHash, DateTimeOffset now, CancellationToken token)
    {
        var provenanceId = Provenance.StreamIdFor(ideaId);
        var contributionId = StreamIds.Derive("ip-contribution", $"{ideaId}/{revision}/{contributor}");
        var stream = await session.Events.FetchForWriting<Provenance>(provenanceId, token);
        if (stream.Aggregate?.Contributions.Any(c => c.Id == contributionId) == true) return [];

        var agreements = await session.LoadAsync<MemberAgreements>(MemberAgreements.StreamIdFor(contributor), token);
        var recorded = new ContributionRecorded(provenanceId, contributionId, ideaId, campaignId, contributor, revision, contentHash,
            agreements?.Acceptances.LastOrDefault()?.Version, now);
        var provenance = stream.Aggregate is null ? Provenance.Create(recorded) : stream.Aggregate.Apply(recorded);
        stream.AppendOne(recorded);
        OutgoingMessages outgoing = [new ContributionRecordedIntegrationEvent(contributionId, recorded.IdeaId, recorded.CampaignId, recorded.Contributor,
            recorded.Revision, recorded.ContentHash, recorded.RecordedAt)];

        if (stream.Aggregate?.Authors is { } known && known.SequenceEqual(authors)) return outgoing;
        var noted = new IdeaAuthorsNoted(provenanceId, ideaId, campaignId, authors, now);
        provenance = provenance.Apply(noted);
        stream.AppendOne(noted);
        if (provenance.Settled is null)
            outgoing.Add(new OwnershipSharesChangedIntegrationEvent(ideaId, campaignId, provenance.SharesInForce, provenance.Basis,
                (stream.StartingVersion ?? 0) + 2, now));
        return outgoing;
    }
}
