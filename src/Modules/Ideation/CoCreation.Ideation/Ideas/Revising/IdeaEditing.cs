namespace CoCreation.Ideation.Ideas;

/// <summary>When an idea's content may still change (docs/adr/0006): before moderation publishes it, or after a rejection.</summary>
public static class IdeaEditing
{
    public static bool Revisable(IdeaStatus status) => status is IdeaStatus.Submitted or IdeaStatus.Rejected;
}
