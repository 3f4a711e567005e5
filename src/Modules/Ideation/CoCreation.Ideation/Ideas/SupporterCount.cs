using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CoCreation.Ideation.Ideas;

/// <summary>"1 supporter", "12 supporters", in the reader's language and number format.</summary>
public static class SupporterCount
{
    public static string Of(int supporters, IStringLocalizer L) =>
        supporters == 1 ? L["1 supporter"] : L["{0} supporters", supporters.ToString("N0", CultureInfo.CurrentCulture)];
}
