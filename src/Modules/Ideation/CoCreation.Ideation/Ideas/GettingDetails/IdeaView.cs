namespace CoCreation.Ideation.Ideas.GettingDetails;

/// <summary>
/// An idea as the API shows it to one viewer: <see cref="IdeaDetails"/>, with Supporters null and TalliesHidden true
/// while the campaign keeps the count from them (until they vote for it, or voting ends).
/// </summary>
public sealed record IdeaView(
    Guid Id, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors, IdeaStatus Status, int Revision, int? Supporters, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<string> Invitations, IReadOnlyList<Guid>? OpenDisputes, bool SelectionFrozen, bool TalliesHidden, Guid? MergedInto,
    IReadOnlyList<Attachments.AttachmentResponse>? Attachments = null)
{
    /// <summary>Attachments: the current revision's files, given with a single idea's read (lists leave them out).</summary>
    public static IdeaView Of(IdeaDetails i, bool tallyShown, IReadOnlyList<Attachments.AttachmentResponse>? attachments = null) => new(i.Id, i.CampaignId, i.Title, i.Description, i.Tags, i.Authors, i.Status,
        i.Revision, tallyShown ? i.Supporters : null, i.CreatedAt, i.UpdatedAt, i.Invitations, i.OpenDisputes, i.SelectionFrozen, !tallyShown, i.MergedInto, attachments);
}

/// <summary>SortedBy says what the page is really sorted by: a campaign that hides tallies from the viewer sorts newest first.</summary>
public sealed record IdeaViewPage(IReadOnlyList<IdeaView> Items, long Total, string SortedBy);
