using System.Globalization;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// The languages the pages speak. English texts are the keys of each module's resources; a module's
/// <c>&lt;Module&gt;Text.fr.resx</c> gives the French (docs/adr/0018).
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string French = "fr";

    public static readonly IReadOnlyList<string> All = [English, French];

    /// <summary>The language's own name, as a switch shows it.</summary>
    public static string NativeName(string culture) => culture == French ? "Français" : "English";

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == French ? French : English;

    /// <summary>A day, written the way the reader's language writes it ("3 March 2026", "3 mars 2026").</summary>
    public static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A day and a time of day, in the reader's language.</summary>
    public static string Moment(DateTimeOffset at) => at.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
