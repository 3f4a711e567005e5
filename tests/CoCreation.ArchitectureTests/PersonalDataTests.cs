using System.Reflection;
using CoCreation.BuildingBlocks.Privacy;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.ArchitectureTests;

/// <summary>
/// Erasure reaches a module's personal data only through the module's <see cref="IPersonalData"/> declaration. These tests
/// find, from each module's own registration, every event type it stores with a text a member may have written (a title,
/// a description, a comment's text, a reason...), and fail when no rule masks it or the rule leaves the text in place.
/// </summary>
public sealed class PersonalDataTests
{
    /// <summary>Property names that hold free text in this code base's events.</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "Title", "Description", "Text", "Tags", "Statement", "Claim", "Evidence", "Reason", "Note", "Notes", "Comment",
        "Message", "Body", "Summary", "Content", "Answer", "Explanation", "Details", "Name", "Bio", "Motivation"
    };

    private const string Sample = "words a member wrote";

    public static IEnumerable<object[]> EventsWithText() =>
        from module in Modules.Names
        from type in EventTypesOf(module)
        from property in TextProperties(type)
        select new object[] { module, type.Name, property.Name };

    [Theory]
    [MemberData(nameof(EventsWithText))]
    public void Every_event_text_a_member_may_write_is_masked_by_its_module(string module, string eventType, string property)
    {
        var type = EventTypesOf(module).Single(t => t.Name == eventType);
        var rule = RulesOf(module).FirstOrDefault(r => r.EventType == type);
        Assert.True(rule is not null,
            $"{module}'s event {eventType} has the text property {property} but {module}'s IPersonalData declares no masking for {eventType}: " +
            $"add a rule (PersonalData.Of<{eventType}>(...)) or mark the property [NotMemberWritten(\"why\")].");
        var sample = SampleOf(type);
        var masked = rule.Mask(sample);
        Assert.IsType(type, masked);
        var before = type.GetProperty(property)!.GetValue(sample);
        var after = type.GetProperty(property)!.GetValue(masked);
        Assert.True(after is null || after is string s && s != Sample || after is IEnumerable<string> list && !list.Contains(Sample),
            $"{module}'s rule for {eventType} leaves {property} unmasked (was {Describe(before)}, masked {Describe(after)}).");
    }

    [Fact]
    public void The_test_finds_the_texts_it_must_look_at()
    {
        // A guard against a test that passes because it looks at nothing: Ideation's comment text is one of them.
        Assert.Contains(EventsWithText(), row => (string)row[0] == "Ideation" && (string)row[1] == "CommentPosted" && (string)row[2] == "Text");
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void Every_rule_names_an_event_type_its_own_module_stores(string module)
    {
        var events = EventTypesOf(module).ToHashSet();
        Assert.All(RulesOf(module), rule => Assert.Contains(rule.EventType, events));
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
        _ => value.ToString() ?? ""
    };

    private static IEnumerable<PropertyInfo> TextProperties(Type type)
    {
        var exempt = type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttribute<NotMemberWrittenAttribute>() is not null).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => FreeText.Contains(p.Name))
            .Where(p => p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType))
            .Where(p => p.GetCustomAttribute<NotMemberWrittenAttribute>() is null && !exempt.Contains(p.Name));
    }

    /// <summary>What the module's registration gives Marten, read the way Marten reads it.</summary>
    /// <summary>Marten names an event by its type's name: two modules' events of one name collide in the log (a read of either fails).</summary>
    [Fact]
    public void No_two_modules_store_an_event_type_of_the_same_name()
    {
        var clashes = Modules.Names.SelectMany(m => EventTypesOf(m).Select(t => (Module: m, Type: t)))
            .GroupBy(x => x.Type.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Type.FullName))}").ToList();
        Assert.True(clashes.Count == 0, "Event type names must be unique across modules: " + string.Join("; ", clashes));
    }

    private static IReadOnlyList<Type> EventTypesOf(string module)
    {
        var services = Registered(module);
        var options = new StoreOptions();
        using var provider = services.BuildServiceProvider();
        foreach (var configure in provider.GetServices<IConfigureMarten>()) configure.Configure(provider, options);
        var assembly = Modules.Implementation(module);
        return ((IReadOnlyStoreOptions)options).Events.AllKnownEventTypes().Select(t => t.EventType).Where(t => t.Assembly == assembly).Distinct().ToList();
    }

    private static IReadOnlyList<PersonalDataRule> RulesOf(string module)
    {
        using var provider = Registered(module).BuildServiceProvider();
        return provider.GetServices<IPersonalData>().SelectMany(d => d.Rules).ToList();
    }

    private static ServiceCollection Registered(string module)
    {
        var services = new ServiceCollection();
        var add = Modules.Implementation(module).GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Single(m => m.Name == $"Add{module}Module" && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IServiceCollection));
        add.Invoke(null, [services]);
        return services;
    }

    /// <summary>An instance of the event with every text set to <see cref="Sample"/>, through its primary constructor.</summary>
    private static object SampleOf(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => SampleValue(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object? SampleValue(Type type)
    {
        if (type == typeof(string)) return Sample;
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (typeof(IEnumerable<string>).IsAssignableFrom(type)) return new List<string> { Sample, "member-1" };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()));
        if (type.IsValueType) return Activator.CreateInstance(type);
        return null;
    }
}
