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
    public async Task Like_the_SDK_it_keeps_the_conversation_in_a_cookie_and_resumes_it_on_the_next_page()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        await browser.GotoAsync("Support");
        var first = await ConversationAsync(browser);

        await browser.GotoAsync("Support");

        Assert.Equal(("new", first.Token), (first.State, await CookieAsync(browser, "cw_conversation")));
        Assert.Equal(("resumed", first.Token), await ConversationAsync(browser));
        Assert.NotNull(await CookieAsync(browser, "cw_user_preview"));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task When_another_user_signs_in_on_the_same_browser_the_previous_conversation_is_gone_and_the_widget_reset_first()
    {
        var bob = await site.StoredUserAsync("bob@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        await browser.GotoAsync("Support");
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        var janes = await ConversationAsync(browser);

        await browser.LogOutAsync(); // the sign-out response deletes cw_*; the home page has no support widget, so its hand-over cookie stays
        Assert.Null(await CookieAsync(browser, "cw_conversation"));
        await browser.LogInAsync(bob.Email!);
        await browser.GotoAsync("Support");

        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        Assert.Equal("true", await browser.Page.GetAttributeAsync("#widget-identity-preview-support", "data-reset"));
        Assert.Equal(1, await browser.Page.EvaluateAsync<int>("() => window.__widgetIdentityPreviews.support.resets"));
        var bobs = await ConversationAsync(browser);
        Assert.Equal("new", bobs.State);
        Assert.NotEqual(janes.Token, bobs.Token);
        var received = await browser.ReadExactAsync("window.__widgetIdentityPreviews.support.received");
        Assert.Equal(bob.Id, BrowserPage.Text(received!.Value.GetProperty("id")));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task On_the_named_widgets_page_after_sign_out_the_preview_is_reset_and_shows_nobody()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync("jane@example.com");
        await browser.GotoAsync("Support");
        await browser.LogOutAsync();

        await browser.GotoAsync("Support");

        Assert.Equal("anonymous visitor: no user data", await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support"));
        Assert.Equal("true", await browser.Page.GetAttributeAsync("#widget-identity-preview-support", "data-reset"));
        await browser.AssertCleanAsync();
    }

    private static async Task<(string? State, string? Token)> ConversationAsync(BrowserPage browser)
    {
        await PreviewPanelTests.VerdictAsync(browser, "#widget-identity-preview-support");
        return (
            await browser.Page.GetAttributeAsync("#widget-identity-preview-support", "data-conversation"),
            await browser.Page.EvaluateAsync<string?>("() => window.__widgetIdentityPreviews.support.conversation.token"));
    }

    private static async Task<string?> CookieAsync(BrowserPage browser, string name) =>
        (await browser.Page.Context.CookiesAsync()).FirstOrDefault(cookie => cookie.Name == name)?.Value;

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
