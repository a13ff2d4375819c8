using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Preview;

/// <summary>
/// The README's screenshots: the sample site with the preview panel, logged in, for Jane and for Zoë (the
/// hostile name). Runs with every test run (into a temporary folder); build/screenshots.sh runs only this class
/// with <c>WIDGETIDENTITY_SCREENSHOTS</c> pointing at docs/images.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(ChromiumFixture chromium, PreviewSite site) : IClassFixture<PreviewSite>
{
    [Theory]
    [InlineData("jane@example.com", "preview-logged-in.png")]
    [InlineData("zoe@example.com", "preview-hostile-user.png")]
    public async Task The_screenshot_shows_the_logged_in_user_with_a_verified_preview_panel(string email, string fileName)
    {
        var stored = await site.StoredUserAsync(email);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync(email);
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));
        var signedInAs = await browser.ReadExactAsync("document.getElementById('signed-in-as').textContent");
        Assert.NotNull(signedInAs);
        Assert.Equal(stored.FullName, BrowserPage.Text(signedInAs.Value));

        var path = Path.Combine(OutputDirectory(), fileName);
        await browser.Page.ScreenshotAsync(new() { Path = path });

        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is suspiciously small.");
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task The_screenshot_shows_an_id_only_user_given_the_fallback_name_by_the_named_Chatku_widget()
    {
        var kiosk = await site.StoredUserAsync("kiosk-7");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("kiosk-7");

        await browser.GotoAsync("Support");

        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        var shown = await browser.ReadExactAsync("document.querySelector('#widget-identity-preview-support dd[data-field=name]').textContent");
        Assert.Equal(kiosk.Id, BrowserPage.Text(shown!.Value)); // the default FallbackName is the user id
        var path = Path.Combine(OutputDirectory(), "preview-fallback-name.png");
        await browser.Page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is suspiciously small.");
        await browser.AssertCleanAsync();
    }

    private static string OutputDirectory()
    {
        var directory = Environment.GetEnvironmentVariable("WIDGETIDENTITY_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "widgetidentity-screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
