using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Preview;

namespace WidgetIdentity.BrowserTests.Blazor;

/// <summary>
/// The package's preview widget in the sample's Blazor section, as a developer sees it with <c>dotnet run</c>: at each
/// step of a visit the panel checks what the page handed the widget against the server and says so.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BlazorPreviewTests(ChromiumFixture chromium, PreviewSite site) : IClassFixture<PreviewSite>
{
    private const string Anonymous = "anonymous visitor: no user data";

    [Fact]
    public async Task At_each_step_the_panel_says_verified_for_the_signed_in_user_and_a_hostile_name_arrives_exactly()
    {
        var jane = await site.StoredUserAsync("jane@example.com");
        var zoe = await site.StoredUserAsync("zoe@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        var dialogs = 0;
        browser.Page.Dialog += (_, dialog) => { Interlocked.Increment(ref dialogs); _ = dialog.DismissAsync(); };
        var visit = new BlazorVisit(browser);

        await visit.OpenAsync("blazor");
        Assert.Equal(Anonymous, await PreviewPanelTests.VerdictAsync(browser));

        Assert.True(await visit.SignInAsync("jane@example.com"));
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));
        Assert.Equal(jane.Id, await ReceivedAsync(browser, "id"));
        await browser.Page.EvaluateAsync("() => { window.__panel = document.getElementById('widget-identity-preview'); }");

        // Enhanced navigation: the same panel, still verified, not checked again.
        Assert.False(await visit.FollowAsync("header a[href='blazor/interactive']", "blazor/interactive"));
        Assert.False(await visit.FollowAsync("header a[href='blazor']", "blazor"));
        Assert.True(await browser.Page.EvaluateAsync<bool>(
            "() => window.__panel.isConnected && document.getElementById('widget-identity-preview') === window.__panel"));
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));

        Assert.True(await visit.SignOutAsync());
        Assert.Equal(Anonymous, await PreviewPanelTests.VerdictAsync(browser));

        // A name made to break out of the script and run code: through the component it arrives exactly, and verifies.
        Assert.True(await visit.SignInAsync("zoe@example.com"));
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));
        Assert.Equal(zoe.Id, await ReceivedAsync(browser, "id"));
        var fields = await browser.ReadExactAsync("window.__widgetIdentityPreview.received.fields");
        Assert.NotNull(fields);
        Assert.Equal(
            [
                KeyValuePair.Create("firstname", zoe.FirstName),
                KeyValuePair.Create("lastname", zoe.LastName),
                KeyValuePair.Create("email", zoe.Email!),
            ],
            BrowserPage.Fields(fields.Value));
        Assert.Equal(0, dialogs);
        await browser.AssertCleanAsync();
    }

    private static async Task<string> ReceivedAsync(BrowserPage browser, string property)
    {
        var received = await browser.ReadExactAsync("window.__widgetIdentityPreview.received");
        Assert.NotNull(received);
        return BrowserPage.Text(received.Value.GetProperty(property));
    }
}
