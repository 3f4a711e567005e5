namespace CoCreation.BuildingBlocks.Ui;

/// <summary>Where a page may send a member back to: a path on this site, never another host.</summary>
public static class LocalReturn
{
    public static string? Of(string? url) =>
        url is { Length: > 1 and <= 4000 } && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Any(char.IsControl) ? url : null;
}
