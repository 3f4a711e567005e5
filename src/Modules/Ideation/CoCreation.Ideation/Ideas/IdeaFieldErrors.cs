using Microsoft.Extensions.Localization;

namespace CoCreation.Ideation.Ideas;

/// <summary>The idea forms' field errors (the API's validation messages, carried back in the address) in the reader's language.</summary>
public static class IdeaFieldErrors
{
    public static string Say(string message, IStringLocalizer L)
    {
        (string English, Func<string> Said)[] known =
        [
            ("'title' must be between 5 and 120 characters.", () => L["'title' must be between 5 and 120 characters."]),
            ("'description' must be between 1 and 20000 characters.", () => L["'description' must be between 1 and 20000 characters."]),
            ("At most 10 tags.", () => L["At most 10 tags."]),
            ("Each tag must be 1 to 30 characters.", () => L["Each tag must be 1 to 30 characters."]),
        ];
        foreach (var (english, said) in known)
            if (message.Contains(english)) message = message.Replace(english, said());
        return message;
    }
}
