using System.Globalization;

namespace CoCreation.Audit;

/// <summary>An instant as the audit reads it: ISO 8601, UTC unless it names an offset (a date-time field's value is read as UTC).</summary>
public static class AuditInstant
{
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
        instant = instant.ToUniversalTime();
        return parsed;
    }

    /// <summary>The value of a <c>datetime-local</c> field, to the second, in UTC.</summary>
    public static string FieldValue(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
