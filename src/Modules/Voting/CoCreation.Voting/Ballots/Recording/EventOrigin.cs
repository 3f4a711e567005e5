using CoCreation.BuildingBlocks.Metadata;
using Wolverine;

namespace CoCreation.Voting.Ballots.Recording;

/// <summary>Who asked for a vote change, and under which correlation and causation: stamped on its own event in a group commit.</summary>
public sealed record EventOrigin(string Actor, string? CorrelationId, string? CausationId)
{
    public static EventOrigin Of(Envelope envelope) =>
        new(envelope.UserName ?? EventMetadataListener.SystemActor, envelope.CorrelationId,
            envelope.Headers.TryGetValue(CausationHeader, out var causation) && causation is not null ? causation : envelope.Id.ToString());

    /// <summary>Where Wolverine keeps <c>DeliveryOptions.CausationId</c> on the envelope; without it the message itself is the cause.</summary>
    private const string CausationHeader = "causation-id";
}
