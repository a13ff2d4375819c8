using System.Text.RegularExpressions;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Preview;

/// <summary>The package's preview widget on the sample site in Development, as a developer sees it on localhost.</summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class PreviewPanelTests(ChromiumFixture chromium, PreviewSite site) : IClassFixture<PreviewSite>
{
    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("zoe@example.com")]
    public async Task After_a_real_login_the_panel_says_verified_and_shows_the_user_exactly_as_stored(string email)
    {
        var stored = await site.StoredUserAsync(email);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync(email);

        Assert.Equal("verified", await VerdictAsync(browser));
        var received = await browser.ReadExactAsync("window.__widgetIdentityPreview.received");
        Assert.NotNull(received);
        Assert.Equal(stored.Id, BrowserPage.Text(received.Value.GetProperty("id")));
        Assert.Equal(Expected.Hash(stored.Id), BrowserPage.Text(received.Value.GetProperty("hash")));
        Assert.Equal(
            [
                KeyValuePair.Create("firstname", stored.FirstName),
                KeyValuePair.Create("lastname", stored.LastName),
                KeyValuePair.Create("email", stored.Email!),
            ],
            BrowserPage.Fields(received.Value.GetProperty("fields")));
        var shown = await browser.ReadExactAsync(
            "Object.fromEntries(Array.from(document.querySelectorAll('#widget-identity-preview dd'), dd => [dd.dataset.field, dd.textContent]))");
        Assert.NotNull(shown);
        Assert.Equal(
            [
                KeyValuePair.Create("id", stored.Id),
                KeyValuePair.Create("firstname", stored.FirstName),
                KeyValuePair.Create("lastname", stored.LastName),
                KeyValuePair.Create("email", stored.Email!),
                KeyValuePair.Create("hash", Expected.Hash(stored.Id)),
            ],
            BrowserPage.Fields(shown.Value));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task A_page_whose_hash_was_tampered_with_makes_the_panel_say_hash_mismatch()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        var tampered = 0;
        await browser.Page.RouteAsync(site.Url("Support"), async route =>
        {
            var response = await route.FetchAsync();
            var html = UserHash().Replace(await response.TextAsync(), match =>
            {
                tampered++;
                var flipped = match.Groups["first"].Value == "0" ? "1" : "0";
                return $"\"user_hash\":\"{flipped}{match.Groups["rest"].Value}\"";
            });
            await route.FulfillAsync(new() { Response = response, Body = html });
        });

        await browser.GotoAsync("Support");

        Assert.Equal(1, tampered);
        Assert.Equal("hash mismatch", await VerdictAsync(browser));
        Assert.Equal("verified", await VerdictAsync(browser, "#widget-identity-preview-support")); // its hash was left alone
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task On_a_page_with_the_root_and_a_named_widget_each_gets_its_own_verified_panel_and_neither_hides_the_other()
    {
        var stored = await site.StoredUserAsync("jane@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync(stored.Email!);

        await browser.GotoAsync("Support");

        Assert.Equal("verified", await VerdictAsync(browser));
        Assert.Equal("verified", await VerdictAsync(browser, "#widget-identity-preview-support"));
        var support = await browser.ReadExactAsync("window.__widgetIdentityPreviews.support.received");
        Assert.NotNull(support);
        Assert.Equal(
            [KeyValuePair.Create("name", stored.FullName), KeyValuePair.Create("email", stored.Email!), KeyValuePair.Create("avatar_url", stored.AvatarUrl!)],
            BrowserPage.Fields(support.Value.GetProperty("fields")));
        Assert.Equal("Ainisa", await browser.Page.EvaluateAsync<string>("() => window.__widgetIdentityPreview.vendor"));
        var root = await browser.Page.Locator("#widget-identity-preview").BoundingBoxAsync();
        var named = await browser.Page.Locator("#widget-identity-preview-support").BoundingBoxAsync();
        Assert.NotNull(root);
        Assert.NotNull(named);
        Assert.True(root.Y >= named.Y + named.Height || named.Y >= root.Y + root.Height, "The two preview panels overlap.");
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task For_an_anonymous_visitor_the_panel_says_there_is_no_user_data()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.GotoAsync("");

        Assert.Equal("anonymous visitor: no user data", await VerdictAsync(browser));
        Assert.Equal("null", await browser.Page.EvaluateAsync<string>("() => String(window.__widgetIdentityPreview.received)"));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task After_logging_out_the_panel_says_there_is_no_user_data()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("bob@example.com");
        Assert.Equal("verified", await VerdictAsync(browser));

        await browser.LogOutAsync();

        Assert.Equal("anonymous visitor: no user data", await VerdictAsync(browser));
        await browser.AssertCleanAsync();
    }

    /// <summary>The panel's final status, once the verify endpoint has answered.</summary>
    internal static async Task<string?> VerdictAsync(BrowserPage browser, string panel = "#widget-identity-preview")
    {
        var selector = $"{panel}[data-status]:not([data-status='checking…'])";
        await browser.Page.WaitForSelectorAsync(selector, new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        return await browser.Page.GetAttributeAsync(selector, "data-status");
    }

    [GeneratedRegex("\"user_hash\":\"(?<first>[0-9a-f])(?<rest>[0-9a-f]{63})\"")]
    private static partial Regex UserHash();
}
