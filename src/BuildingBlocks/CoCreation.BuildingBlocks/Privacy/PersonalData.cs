namespace CoCreation.BuildingBlocks.Privacy;

/// <summary>
/// A module's declaration of the events that carry what a member wrote, and how each is masked when that member
/// asks to be erased. Registered by the module's Add&lt;Module&gt;Module(); the erasure capability asks every module
/// and never names an event type itself, so a new module's personal data is erased by construction.
/// </summary>
public interface IPersonalData
{
    IReadOnlyList<PersonalDataRule> Rules { get; }
}

/// <summary>What replaces a member's words in a masked event.</summary>
public static class Erased
{
    public const string Text = "[erased]";
}

/// <summary>One event type's rule: who wrote it (the member whose erasure masks it) and the event as it reads masked.</summary>
public abstract record PersonalDataRule(Type EventType)
{
    /// <summary>Whether <paramref name="memberId"/> is the member whose words the event carries.</summary>
    public abstract bool WrittenBy(object @event, string memberId);

    /// <summary>The event with the member's words replaced (ids, hashes and timestamps kept).</summary>
    public abstract object Mask(object @event);
}

public sealed record PersonalDataRule<TEvent>(Func<TEvent, IEnumerable<string>> Authors, Func<TEvent, TEvent> Masked)
    : PersonalDataRule(typeof(TEvent)) where TEvent : notnull
{
    public override bool WrittenBy(object @event, string memberId) => Authors((TEvent)@event).Contains(memberId);

    public override object Mask(object @event) => Masked((TEvent)@event);
}

/// <summary>Builds a module's rules: <c>PersonalData.Of&lt;CommentPosted&gt;(e =&gt; e.PostedBy, e =&gt; e with { Text = Erased.Text })</c>.</summary>
public static class PersonalData
{
    public static PersonalDataRule Of<TEvent>(Func<TEvent, string> author, Func<TEvent, TEvent> masked) where TEvent : notnull =>
        new PersonalDataRule<TEvent>(e => [author(e)], masked);

    public static PersonalDataRule OfMany<TEvent>(Func<TEvent, IEnumerable<string>> authors, Func<TEvent, TEvent> masked) where TEvent : notnull =>
        new PersonalDataRule<TEvent>(authors, masked);

    public static IPersonalData Declare(params PersonalDataRule[] rules) => new Declared(rules);

    private sealed record Declared(IReadOnlyList<PersonalDataRule> Rules) : IPersonalData;
}

/// <summary>
/// Marks an event's text property that is not a member's personal words (a code, a staff member's note in their
/// role, a public title copied from elsewhere), so the test that looks for unmasked member-written text lets it be.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NotMemberWrittenAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}

/// <summary>
/// A member's personal data was erased from the log: modules that keep the member's files elsewhere remove them. Sent
/// after every erasure call (also one that masked nothing more), so calling again finishes what a crash interrupted.
/// </summary>
public sealed record PersonalDataErasedIntegrationEvent(string MemberId, string ErasedBy, DateTimeOffset ErasedAt);
