namespace CoCreation.Ideation.Contracts;

/// <summary>The idea statuses everyone may see; any other (Submitted, Rejected, Hidden, Withdrawn) is for its authors, moderators, legal and the campaign's brand only.</summary>
public static class IdeaStatuses
{
    public static readonly IReadOnlyList<string> Public = ["Published", "UnderReview", "Selected", "NotSelected", "InProduction", "Launched", "Expired"];

    public static bool IsPublic(string? status) => status is not null && Public.Contains(status);
}
