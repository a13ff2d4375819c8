using System.Text.Json;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

[Collection(ChromiumCollection.Name)]
public sealed class AinisaWidgetTests(ChromiumFixture chromium, AinisaSite site) : IClassFixture<AinisaSite>
{
    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("zoe@example.com")] // quotes, </script>, 日本語, an emoji and U+2028 in the name
    public async Task The_Ainisa_script_reads_window_ainisaUser_equal_field_by_field_to_the_stored_user(string email)
    {
        var stored = await site.StoredUserAsync(email);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync(email);

        var seen = await browser.ReadExactAsync("window.__vendors.ainisa.user");
        Assert.NotNull(seen);
        Assert.Equal(
            [
                KeyValuePair.Create("user_id", stored.Id),
                KeyValuePair.Create("user_hash", Expected.Hash(stored.Id)),
                KeyValuePair.Create("firstname", stored.FirstName),
                KeyValuePair.Create("lastname", stored.LastName),
                KeyValuePair.Create("email", stored.Email!),
            ],
            BrowserPage.Fields(seen.Value));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task On_the_support_page_the_named_Chatku_widget_and_the_root_Ainisa_widget_both_get_the_user()
    {
        var stored = await site.StoredUserAsync("jane@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await browser.LogInAsync(stored.Email!);

        await browser.GotoAsync("Support");

        ReadyEventWidgetTests.AssertReceivedOnce(stored, await StandInSdk.Chatku.SettledAsync(browser));
        var ainisa = await browser.ReadExactAsync("window.__vendors.ainisa.user");
        Assert.NotNull(ainisa);
        Assert.Equal(stored.Id, BrowserPage.Text(ainisa.Value.GetProperty("user_id")));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_the_widget_script_but_no_window_ainisaUser()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.GotoAsync("");

        Assert.Equal(JsonValueKind.Null, (await browser.ReadExactAsync("window.__vendors.ainisa.user"))?.ValueKind);
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.ainisaUser"));
        await browser.AssertCleanAsync();
    }
}
