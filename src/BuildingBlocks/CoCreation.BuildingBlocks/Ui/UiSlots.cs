namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// The named places of a page that other modules fill (docs/adr/0017). The idea page is Ideation's; its support bar is
/// Voting's, registered for <see cref="IdeaSupport"/>, so neither module references the other's components.
/// </summary>
public static class UiSlots
{
    /// <summary>Beside an idea's details: its support bar and vote button. Parameter: IdeaId (Guid).</summary>
    public const string IdeaSupport = "idea.support";

    /// <summary>Below an idea's details: what members may do about it besides supporting (flag it). Parameter: IdeaId (Guid).</summary>
    public const string IdeaActions = "idea.actions";

    /// <summary>The sections of a member's own page (/me), one per module. Parameter: MemberId (string).</summary>
    public const string MySections = "me.sections";
}

/// <summary>A module's component shown in a slot, in Order among the others there.</summary>
public sealed record SlotContribution(string Slot, Type Component, int Order = 0);

/// <summary>An assembly whose routable pages the host's shell serves.</summary>
public sealed record UiAssembly(System.Reflection.Assembly Assembly);
