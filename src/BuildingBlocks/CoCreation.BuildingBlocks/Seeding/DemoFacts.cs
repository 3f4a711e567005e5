namespace CoCreation.BuildingBlocks.Seeding;

/// <summary>
/// The names under which the demo's parts leave facts for later parts (<see cref="DemoScenario.Set{T}"/>). Values are
/// primitives, Guids, strings or the records below, never a module's type.
/// </summary>
public static class DemoFacts
{
    /// <summary>Guid: the main demo campaign.</summary>
    public const string Campaign = "campaign";
    /// <summary>List of <see cref="DemoIdea"/>: the main campaign's ideas, in submission order.</summary>
    public const string Ideas = "ideas";
    /// <summary>Dictionary of idea id to co-author: the accepted collaborations, in the order they were made.</summary>
    public const string CoAuthors = "co-authors";
    /// <summary>List of <see cref="DemoIdea"/>: the main campaign's ideas moderation published.</summary>
    public const string Published = "published";
    /// <summary>Guid: the quick-fire campaign.</summary>
    public const string QuickFireCampaign = "quick-fire-campaign";
    /// <summary>List of <see cref="DemoIdea"/>: the quick-fire campaign's ideas.</summary>
    public const string QuickFireIdeas = "quick-fire-ideas";
    /// <summary>Guid: the comment the community flags; string: who wrote it.</summary>
    public const string FlaggedComment = "flagged-comment";
    public const string RudeCommenter = "rude-commenter";
}

/// <summary>An idea as the demo's parts know it: its id and who submitted it.</summary>
public sealed record DemoIdea(Guid Id, string Author);
