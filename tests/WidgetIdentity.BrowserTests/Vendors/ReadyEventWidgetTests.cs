using SampleSite.Data;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

/// <summary>
/// Chatku (ChatkuAI / Mampu AI) and Chatwoot: <c>setUser(id, {...})</c> after the SDK's ready event, received by a
/// stand-in SDK that throws where the real one throws.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReadyEventWidgetTests(ChromiumFixture chromium, ReadyEventSites sites) : IClassFixture<ReadyEventSites>
{
    [Theory]
    [InlineData("chatku", "jane@example.com")]
    [InlineData("chatku", "zoe@example.com")]
    [InlineData("chatwoot", "jane@example.com")]
    [InlineData("chatwoot", "zoe@example.com")]
    public async Task After_the_ready_event_the_widget_receives_the_stored_user_once(string vendor, string email)
    {
        var (site, sdk) = sites.For(vendor);
        var stored = await site.StoredUserAsync(email);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync(email);

        AssertReceivedOnce(stored, await sdk.SettledAsync(browser));
        await browser.AssertCleanAsync();
    }

    [Theory]
    [MemberData(nameof(ReadyEventSites.Vendors), MemberType = typeof(ReadyEventSites))]
    public async Task An_anonymous_visitor_gets_the_widget_but_no_call_on_its_SDK(string vendor)
    {
        var (site, sdk) = sites.For(vendor);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.GotoAsync("");

        var widget = await sdk.SettledAsync(browser); // the SDK ran and dispatched its ready event
        Assert.Single(widget.Loads);
        Assert.Equal(0, widget.Calls);
        await browser.AssertCleanAsync();
    }

    /// <summary>
    /// Exactly one user reached the widget, without an error: the id, then the full name, email and avatar URL the
    /// user has, and the id's hash, in that order.
    /// </summary>
    internal static void AssertReceivedOnce(SampleUser stored, StandInRecord widget)
    {
        Assert.Empty(widget.Errors);
        var user = Assert.Single(widget.Users);
        Assert.Equal(stored.Id, user.Identifier);
        Assert.Equal(
            [
                KeyValuePair.Create("name", stored.FullName),
                KeyValuePair.Create("email", stored.Email!),
                .. stored.AvatarUrl is { } avatar ? [KeyValuePair.Create("avatar_url", avatar)] : Array.Empty<KeyValuePair<string, string>>(),
                KeyValuePair.Create("identifier_hash", Expected.Hash(stored.Id)),
            ],
            user.Fields);
    }
}
