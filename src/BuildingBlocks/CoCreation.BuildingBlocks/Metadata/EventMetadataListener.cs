using CoCreation.BuildingBlocks.Audit;
using CoCreation.BuildingBlocks.Modules;
using Marten;
using Marten.Services;

namespace CoCreation.BuildingBlocks.Metadata;

/// <summary>
/// Stamps every event about to be committed with its module (from the event type's assembly),
/// the actor, the campaign it belongs to, and the application clock's time, gives a receipted event its receipt's id, and copies the
/// session's correlation and causation ids onto it. One place, so no handler can forget.
/// </summary>
public sealed class EventMetadataListener(TimeProvider clock) : DocumentSessionListenerBase
{
    public const string SystemActor = "system";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var actor = session.LastModifiedBy ?? SystemActor;
        var now = clock.GetUtcNow().ToString("O");
        foreach (var stream in session.PendingChanges.Streams())
        {
            foreach (var e in stream.Events)
            {
                e.CorrelationId ??= session.CorrelationId;
                e.CausationId ??= session.CausationId;
                e.UserName ??= actor;
                e.SetHeader(EventHeaders.Module, ModuleName.Of(e.EventType));
                e.SetHeader(EventHeaders.Actor, e.UserName);
                e.SetHeader(EventHeaders.RecordedAt, now);
                if (e.Data is IHasReceipt receipted) e.Id = receipted.ReceiptId;
                if (e.Data is ICampaignScoped scoped)
                    e.SetHeader(EventHeaders.CampaignId, scoped.CampaignId.ToString());
            }
        }
        return Task.CompletedTask;
    }
}
