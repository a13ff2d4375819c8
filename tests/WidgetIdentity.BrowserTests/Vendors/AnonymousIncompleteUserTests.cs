using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

/// <summary>With <c>WidgetIdentity:IncompleteUser</c> = <c>Anonymous</c>, a user the SDK would reject stays anonymous to the widget.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class AnonymousIncompleteUserTests(ChromiumFixture chromium, ChatwootAnonymousIncompleteUserSite site)
    : IClassFixture<ChatwootAnonymousIncompleteUserSite>
{
    [Fact]
    public async Task A_user_with_only_an_id_gets_the_widget_but_no_setUser_call_and_nothing_throws()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync("kiosk-7");

        var widget = await StandInSdk.Chatwoot.SettledAsync(browser);
        Assert.Single(widget.Loads);
        Assert.Equal(0, widget.Calls);
        Assert.Empty(widget.Errors);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task A_user_with_an_email_is_still_identified()
    {
        var stored = await site.StoredUserAsync("sam@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync("sam@example.com");

        var user = Assert.Single((await StandInSdk.Chatwoot.SettledAsync(browser)).Users);
        Assert.Equal(stored.Id, user.Identifier);
        Assert.Equal([KeyValuePair.Create("email", "sam@example.com"), KeyValuePair.Create("identifier_hash", Expected.Hash(stored.Id))], user.Fields);
        await browser.AssertCleanAsync();
    }
}
