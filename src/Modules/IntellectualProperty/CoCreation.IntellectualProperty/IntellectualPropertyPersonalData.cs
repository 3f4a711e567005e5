using CoCreation.BuildingBlocks.Privacy;
using CoCreation.IntellectualProperty.Disputes;

namespace CoCreation.IntellectualProperty;

/// <summary>IntellectualProperty's events that hold a member's words, and how erasure masks them (docs/adr/0014).</summary>
public static class IntellectualPropertyPersonalData
{
    public static IPersonalData Declaration { get; } = PersonalData.Declare(
        PersonalData.Of<DisputeOpened>(e => e.ClaimedBy, e => e with { Claim = Erased.Text, Evidence = Erased.Text }));
}
