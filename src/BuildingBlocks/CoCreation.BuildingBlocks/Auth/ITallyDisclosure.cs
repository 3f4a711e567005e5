namespace CoCreation.BuildingBlocks.Auth;

/// <summary>
/// Which supporter counts and scores of a campaign a viewer may see: a campaign may hide them from each member until
/// they voted for the idea, until voting ends (docs/adr/0029). Answered by the module that counts the votes, asked by
/// every module that shows a count.
/// </summary>
public interface ITallyDisclosure
{
    Task<TallyDisclosure> For(Viewer viewer, Guid campaignId, CancellationToken token);
}

/// <summary>HidesAny: some of the campaign's tallies are hidden from this viewer; those of the Revealed ideas are not.</summary>
public sealed record TallyDisclosure(bool HidesAny, IReadOnlySet<Guid> Revealed)
{
    public static readonly TallyDisclosure Everything = new(false, new HashSet<Guid>());

    public bool Shows(Guid ideaId) => !HidesAny || Revealed.Contains(ideaId);
}
