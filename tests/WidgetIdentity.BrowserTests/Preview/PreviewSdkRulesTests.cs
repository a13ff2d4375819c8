using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Preview;

/// <summary>
/// The preview widget stands in for the vendor's SDK, so it enforces what the SDK enforces: a call the real widget would
/// reject is rejected here too (it throws, and the panel says why), and a reset reloads the widget before the next user is set.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PreviewSdkRulesTests(ChromiumFixture chromium, PreviewSite site) : IClassFixture<PreviewSite>
{
    private const string ChatkuPreview = "/_widgetidentity/preview.js?vendor=Chatku&mode=ready&event=chatbot%3Aready&sdk=%24chatbot&hash=identifier_hash&widget=support";

    [Theory]
    [InlineData("window.$chatbot.setUser(\"1\", {\"identifier_hash\":\"00\"});", "User object should have one of the keys [avatar_url, email, name]")]
    [InlineData("window.$chatbot.setUser(\"1\", {\"name\":\"\",\"email\":\"\",\"identifier_hash\":\"00\"});", "User object should have one of the keys [avatar_url, email, name]")]
    [InlineData("window.$chatbot.setUser({ id: 1 }, {\"name\":\"Jane\",\"identifier_hash\":\"00\"});", "Identifier should be a string or a number")]
    [InlineData("window.$chatbot.setUser(\"1\", {\"name\":\"Jane\",\"identifier_hash\":\"00\"}); window.$chatbot.setCustomAttributes({});", "Custom attributes should have atleast one key")]
    public async Task A_call_the_vendor_SDK_rejects_throws_and_the_panel_says_why(string handWrittenCall, string sdkMessage)
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await ServeHandWrittenPageAsync(browser, handWrittenCall);

        await browser.GotoAsync("hand-written-widget");

        Assert.Equal($"rejected by the SDK: {sdkMessage}", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        Assert.Contains(browser.Errors, error => error.Contains(sdkMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_another_user_signs_in_on_the_same_browser_the_named_widget_is_reset_before_their_user_is_set()
    {
        var bob = await site.StoredUserAsync("bob@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        await browser.GotoAsync("Support");
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        await browser.LogOutAsync(); // lands on the home page, which has no support widget: its hand-over cookie stays

        await browser.LogInAsync(bob.Email!);
        await browser.GotoAsync("Support");

        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        Assert.Equal("true", await browser.Page.GetAttributeAsync("#widget-identity-preview-support", "data-reset"));
        Assert.Equal(1, await browser.Page.EvaluateAsync<int>("() => window.__widgetIdentityPreviews.support.resets"));
        var received = await browser.ReadExactAsync("window.__widgetIdentityPreviews.support.received");
        Assert.Equal(bob.Id, BrowserPage.Text(received!.Value.GetProperty("id")));
        await browser.AssertCleanAsync();
    }

    /// <summary>A page of the site's origin whose own script calls the preview SDK by hand, as a site writing the snippet itself would.</summary>
    private async Task ServeHandWrittenPageAsync(BrowserPage browser, string call) =>
        await browser.Page.RouteAsync(site.Url("hand-written-widget"), route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = $$"""
                <!DOCTYPE html><html><head><link rel="icon" href="data:," /></head><body>
                <script>window.addEventListener("chatbot:ready", function () { {{call}} });</script>
                <script src="{{ChatkuPreview}}"></script>
                </body></html>
                """,
        }));
}
