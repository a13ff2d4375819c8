using System.Text.Json;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Session;

[Collection(ChromiumCollection.Name)]
public sealed class LogoutTests(ChromiumFixture chromium, AinisaSite site) : IClassFixture<AinisaSite>
{
    [Fact]
    public async Task After_logging_out_the_next_pages_carry_no_identity()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        Assert.Equal(JsonValueKind.Object, (await browser.ReadExactAsync("window.__vendors.ainisa.user"))?.ValueKind);

        await browser.LogOutAsync();

        await AssertNoIdentityAsync(browser);
        await browser.GotoAsync("Support");
        await AssertNoIdentityAsync(browser);
        Assert.Empty((await StandInSdk.Chatku.SettledAsync(browser)).Users);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task After_logging_out_the_back_button_shows_no_identity_because_identity_pages_are_never_stored()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        var identityPage = await browser.GotoAsync("Support");
        Assert.Contains("no-store", identityPage.Headers["cache-control"], StringComparison.Ordinal);
        await browser.LogOutAsync();

        await browser.Page.GoBackAsync();

        Assert.Equal(site.Url("Support"), browser.Page.Url);
        await AssertNoIdentityAsync(browser);
        var support = await StandInSdk.Chatku.SettledAsync(browser); // the page was fetched again, and told the widget to forget Jane
        Assert.Equal((1, 0), (support.Resets, support.Users.Count));
        await browser.AssertCleanAsync();
    }

    private static async Task AssertNoIdentityAsync(BrowserPage browser)
    {
        Assert.Equal(0, await browser.Page.Locator("#signed-in-as").CountAsync());
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.ainisaUser"));
        Assert.Equal(JsonValueKind.Null, (await browser.ReadExactAsync("window.__vendors.ainisa.user"))?.ValueKind);
        var html = await browser.Page.ContentAsync();
        Assert.DoesNotContain("user_hash", html, StringComparison.Ordinal);
        Assert.DoesNotContain("identifier_hash", html, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", html, StringComparison.Ordinal);
    }
}
