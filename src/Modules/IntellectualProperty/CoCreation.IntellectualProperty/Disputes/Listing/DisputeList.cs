using CoCreation.BuildingBlocks.Problems;
using Marten;

namespace CoCreation.IntellectualProperty.Disputes.Listing;

/// <summary>A dispute as legal reviews it: the claim and its evidence, and once resolved the outcome, the note and who resolved it.</summary>
public sealed record DisputeSummary(
    Guid Id, Guid IdeaId, Guid CampaignId, string ClaimedBy, string Claim, string Evidence, DateTimeOffset OpenedAt,
    DisputeStatus Status, string? Note, string? ResolvedBy, DateTimeOffset? ResolvedAt);

public static class DisputeList
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const int Limit = 500;

    public static string? ValidStatus(string? status)
    {
        var wanted = status?.Trim().ToLowerInvariant();
        new Validation().Require(status is null || wanted is Open or Resolved, "status", "'status' must be 'open' or 'resolved'.").ThrowIfInvalid();
        return wanted;
    }

    /// <summary>Open disputes oldest first (the longest waiting first); resolved ones latest resolved first; without a status, newest opened first.</summary>
    public static async Task<IReadOnlyList<DisputeSummary>> Of(IQuerySession session, string? status, CancellationToken token)
    {
        var query = session.Query<Dispute>();
        IReadOnlyList<Dispute> found = status switch
        {
            Open => await query.Where(d => d.Status == DisputeStatus.Open).OrderBy(d => d.OpenedAt).Take(Limit).ToListAsync(token),
            Resolved => await query.Where(d => d.Status != DisputeStatus.Open).OrderByDescending(d => d.ResolvedAt).Take(Limit).ToListAsync(token),
            _ => await query.OrderByDescending(d => d.OpenedAt).Take(Limit).ToListAsync(token)
        };
        return found.Select(Of).ToList();
    }

    public static DisputeSummary Of(Dispute d) =>
        new(d.Id, d.IdeaId, d.CampaignId, d.ClaimedBy, d.Claim, d.Evidence, d.OpenedAt, d.Status, d.Note, d.ResolvedBy, d.ResolvedAt);
}
