using Microsoft.Playwright;

namespace CoCreation.BrowserTests;

/// <summary>Writes docs/screenshots/NAME.png when COCREATION_SCREENSHOTS names the repository root (./test.sh --screenshots).</summary>
public static class Screenshots
{
    public static async Task Take(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COCREATION_SCREENSHOTS") is not { Length: > 0 } root) return;
        Directory.CreateDirectory(Path.Combine(root, "docs", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(root, "docs", "screenshots", name + ".png"), FullPage = true });
    }
}
