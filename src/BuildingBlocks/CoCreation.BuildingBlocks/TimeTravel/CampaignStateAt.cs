namespace CoCreation.BuildingBlocks.TimeTravel;

/// <summary>
/// A module's part of a campaign's state at an instant (<c>GET /api/campaigns/{id}/state?at=</c>): the audit
/// capability asks every registered contribution and puts each answer under its <see cref="Part"/> name.
/// </summary>
public interface ICampaignStatePart
{
    /// <summary>The property the part answers under (camelCase, unique across modules): "ideas", "leaderboard".</summary>
    string Part { get; }

    Task<object> At(Guid campaignId, DateTimeOffset at, IEventLogAt log, CancellationToken token);
}

/// <summary>
/// The event log as it stood at an instant of the application clock (the time each event carries as it was
/// recorded), read by the audit capability for the modules, so no module reads the store's tables.
/// </summary>
public interface IEventLogAt
{
    /// <summary>Each given stream's last version recorded by <paramref name="at"/> (streams without one are left out).</summary>
    Task<IReadOnlyDictionary<Guid, long>> VersionsAt(IReadOnlyCollection<Guid> streams, DateTimeOffset at, CancellationToken token);

    /// <summary>The campaign's events of one type recorded by <paramref name="at"/>, in log order.</summary>
    IAsyncEnumerable<TEvent> EventsOf<TEvent>(Guid campaignId, DateTimeOffset at, CancellationToken token) where TEvent : class;

    /// <summary>
    /// Each given stream's read model folded by its projection from the events recorded by <paramref name="at"/>
    /// (streams without one are left out), keyed by stream id: a fixed number of queries whatever the number of streams.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, T>> AggregatesAt<T>(IReadOnlyCollection<Guid> streams, DateTimeOffset at, CancellationToken token) where T : class;
}
