using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Preview;

/// <summary>
/// For the vendors read from a queue, a stub, settings or a callback, the preview widget refuses what the vendor's SDK
/// refuses (the rules of the stand-ins in <c>Infrastructure/StandIns/</c>): the call throws, as the SDK's would, and the
/// panel says why instead of judging the signature.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PreviewVendorSdkRulesTests(ChromiumFixture chromium, PreviewVendorSites sites) : IClassFixture<PreviewVendorSites>
{
    [Theory]
    [InlineData("Intercom", "", "window.Intercom(\"boot\", {\"user_id\":\"1\",\"user_hash\":\"00\"});", "app_id must be a non-empty string")]
    [InlineData("Crisp", "window.$crisp = []; window.$crisp.push([\"set\", \"user:email\", [\"jane\", \"00\"]]);", "", "user:email must be an email address")]
    [InlineData("HelpScout", "window.Beacon = function (m, o, d) { window.Beacon.readyQueue.push({ method: m, options: o, data: d }); }; window.Beacon.readyQueue = []; window.Beacon(\"identify\", {\"email\":\"jane@example.com\",\"signature\":\"00\"});", "", "Beacon(\"identify\") before init")]
    [InlineData("HelpScout", "window.Beacon = function (m, o, d) { window.Beacon.readyQueue.push({ method: m, options: o, data: d }); }; window.Beacon.readyQueue = []; window.Beacon(\"init\", \"b\"); window.Beacon(\"identify\", {\"email\":\"jane@example.com\",\"name\":\"Jane\"});", "", "identify's signature (secure mode) must be a non-empty string")]
    [InlineData("FrontChat", "", "window.FrontChat(\"init\", {\"chatId\":\"c\"}); window.FrontChat(\"init\", {\"chatId\":\"c\",\"userId\":\"1\",\"userHash\":\"00\"});", "init while the chat is started: shutdown first")]
    [InlineData("Gleap", "window.GleapActions = [{ e: \"identify\", a: [\"1\", {\"name\":\"Jane\"}, \"00\"] }]; window.Gleap = {};", "", "identify before initialize")]
    [InlineData("Chatbase", "", "window.chatbase(\"identify\", {\"user_id\":\"1\",\"user_hash\":\"00\"}, {});", "identify takes one object")]
    [InlineData("Zendesk", "", "window.zE(\"messenger\", \"loginUser\", function (callback) { callback(\"not-a-token\"); });", "the JWT is not a JWT")]
    [InlineData("Featurebase", "", "window.Featurebase(\"boot\", {\"featurebaseJwt\":\"a.b.c\"});", "boot's appId must be a non-empty string")]
    [InlineData("Plain", "", "window.addEventListener(\"load\", function () { window.Plain.setCustomerDetails({\"email\":\"jane@example.com\",\"emailHash\":\"00\"}); });", "setCustomerDetails before init")]
    public async Task A_call_the_vendor_SDK_rejects_throws_and_the_panel_says_why(string vendor, string before, string after, string sdkMessage)
    {
        var site = sites.For(vendor);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.Page.RouteAsync(site.Url("hand-written-widget"), route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = $$"""
                <!DOCTYPE html><html><head><link rel="icon" href="data:," /></head><body>
                <script>{{before}}</script>
                <script src="/_widgetidentity/preview.js?vendor={{vendor}}&mode={{vendor.ToLowerInvariant()}}"></script>
                <script>{{after}}</script>
                </body></html>
                """,
        }));

        await browser.GotoAsync("hand-written-widget");

        Assert.Equal($"rejected by the SDK: {sdkMessage}", await PreviewPanelTests.VerdictAsync(browser));
        Assert.Contains(browser.Errors, error => error.Contains(sdkMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_own_script_cannot_replace_the_preview_so_the_snippet_init_and_the_tag_details_reach_it()
    {
        var site = sites.For("Plain");
        var jane = await site.StoredUserAsync("jane@example.com");
        await using var browser = await site.OpenAsync(chromium);
        await browser.LogInAsync(jane.Email!);
        // What Plain's script does when the snippet loads it: it assigns window.Plain.
        await browser.Context.AddInitScriptAsync(
            "document.addEventListener('DOMContentLoaded', function () { window.Plain = { init: function () {}, setCustomerDetails: function () {} }; });");

        await browser.GotoAsync("");

        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.__widgetIdentityPreview.vendorScriptKeptOut"));
        await browser.AssertCleanAsync();
    }
}
