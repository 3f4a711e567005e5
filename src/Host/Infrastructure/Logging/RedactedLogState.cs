using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CoCreation.Host.Infrastructure.Logging;

/// <summary>
/// A log entry's values with every object of ours (a command, an event, a read model) replaced by its type name,
/// and the entry's text rendered from its template with those values.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private static readonly ConcurrentDictionary<Type, bool> Carriers = new();
    private readonly KeyValuePair<string, object?>[] _values;
    private readonly string _text;

    private RedactedLogState(KeyValuePair<string, object?>[] values, string text)
    {
        _values = values;
        _text = text;
    }

    public static readonly Func<RedactedLogState, Exception?, string> Format = (state, _) => state._text;

    /// <summary>Null when the entry holds nothing of ours, so it is written as it is.</summary>
    public static RedactedLogState? Of<TState>(TState state)
    {
        if (state is null) return null;
        if (CarriesOurs(state.GetType()))
            return new RedactedLogState([new(OriginalFormat, NameOf(state))], NameOf(state));
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values) return null;

        var any = false;
        for (var i = 0; i < values.Count && !any; i++)
            any = values[i].Key != OriginalFormat && values[i].Value is { } v && CarriesOurs(v.GetType());
        if (!any) return null;

        var redacted = new KeyValuePair<string, object?>[values.Count];
        string? template = null;
        for (var i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            if (key == OriginalFormat) template = value as string;
            redacted[i] = value is not null && key != OriginalFormat && CarriesOurs(value.GetType()) ? new(key, NameOf(value)) : values[i];
        }
        var arguments = redacted.Where(p => p.Key != OriginalFormat).Select(p => p.Value).ToArray();
        return new RedactedLogState(redacted, template is null ? string.Join(", ", arguments) : Render(template, arguments));
    }

    /// <summary>Types of our own assemblies, and collections of them; enums only name a value, so they stay.</summary>
    private static bool CarriesOurs(Type type) => Carriers.GetOrAdd(type, static t =>
        t.IsEnum ? false
        : t.Assembly.GetName().Name?.StartsWith("CoCreation.", StringComparison.Ordinal) == true ? true
        : t.IsArray ? CarriesOurs(t.GetElementType()!)
        : t.IsGenericType && t.GetGenericArguments().Any(CarriesOurs));

    private static string NameOf(object value) => value.GetType() switch
    {
        { IsArray: true } array => $"{array.GetElementType()!.Name}[]",
        { IsGenericType: true } generic => $"{generic.Name[..generic.Name.IndexOf('`')]}<{string.Join(", ", generic.GetGenericArguments().Select(a => a.Name))}>",
        var type => type.Name
    };

    /// <summary>Message templates are positional: the n-th hole takes the n-th value, whatever its name.</summary>
    private static string Render(string template, object?[] arguments)
    {
        var text = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{' && template.IndexOf('}', i) is var end and > 0)
            {
                var hole = template.AsSpan(i + 1, end - i - 1);
                var colon = hole.IndexOf(':');
                var format = colon >= 0 ? hole[(colon + 1)..].ToString() : null;
                text.Append(next < arguments.Length ? Written(arguments[next++], format) : template[i..(end + 1)]);
                i = end;
            }
            else text.Append(c);
        }
        return text.ToString();
    }

    private static string Written(object? value, string? format) => value switch
    {
        null => "(null)",
        string s => s,
        IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(item => Written(item, null))),
        _ => value.ToString() ?? ""
    };

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public int Count => _values.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _text;
}
