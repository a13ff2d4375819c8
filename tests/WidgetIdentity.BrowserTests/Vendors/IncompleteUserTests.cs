using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

/// <summary>
/// Users who lack most fields, logged in through the real form, reach a Chatwoot-style SDK that throws unless the
/// user has a name, an email or an avatar URL: the package sends what the SDK accepts, and nothing throws.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class IncompleteUserTests(ChromiumFixture chromium, ReadyEventSites sites) : IClassFixture<ReadyEventSites>
{
    [Theory]
    [InlineData("chatku", "kiosk-7", "name", "4")] // no name, email or avatar: the fallback name, by default the id
    [InlineData("chatwoot", "kiosk-7", "name", "4")]
    [InlineData("chatku", "sam@example.com", "email", "sam@example.com")]
    [InlineData("chatwoot", "sam@example.com", "email", "sam@example.com")]
    [InlineData("chatku", "sso-4f9c2e", "avatar_url", "https://example.com/avatars/sso-4f9c2e.png")]
    [InlineData("chatwoot", "sso-4f9c2e", "avatar_url", "https://example.com/avatars/sso-4f9c2e.png")]
    public async Task A_user_with_one_field_reaches_the_SDK_with_that_field_and_the_hash_and_nothing_throws(
        string vendor, string login, string field, string value)
    {
        var (site, sdk) = sites.For(vendor);
        var stored = await site.StoredUserAsync(login);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync(login);

        var widget = await sdk.SettledAsync(browser);
        Assert.Empty(widget.Errors);
        var user = Assert.Single(widget.Users);
        Assert.Equal(stored.Id, user.Identifier);
        Assert.Equal([KeyValuePair.Create(field, value), KeyValuePair.Create("identifier_hash", Expected.Hash(stored.Id))], user.Fields);
        Assert.Equal(login, await browser.Page.TextContentAsync("#signed-in-as")); // the header names a user without a name by their user name
        await browser.AssertCleanAsync();
    }
}
