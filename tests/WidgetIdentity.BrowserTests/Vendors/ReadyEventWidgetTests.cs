using System.Text.Json;
using SampleSite.Data;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

/// <summary>Chatku (ChatkuAI / Mampu AI) and Chatwoot: <c>setUser(id, {name, email, identifier_hash})</c> after the SDK's ready event.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ReadyEventWidgetTests(ChromiumFixture chromium, ChatkuSite chatku, ChatwootSite chatwoot)
    : IClassFixture<ChatkuSite>, IClassFixture<ChatwootSite>
{
    [Theory]
    [InlineData("chatku", "jane@example.com")]
    [InlineData("chatku", "zoe@example.com")]
    [InlineData("chatwoot", "jane@example.com")]
    [InlineData("chatwoot", "zoe@example.com")]
    public async Task After_the_ready_event_setUser_is_called_once_with_the_stored_user(string vendor, string email)
    {
        var site = vendor == "chatku" ? (SampleSiteFactory)chatku : chatwoot;
        var stored = await site.StoredUserAsync(email);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync(email);

        AssertSetUserCalledOnceWith(stored, await browser.ReadExactAsync($"window.__vendors.{vendor}.setUserCalls"));
        await browser.AssertCleanAsync();
    }

    [Theory]
    [InlineData("chatku")]
    [InlineData("chatwoot")]
    public async Task An_anonymous_visitor_gets_the_widget_but_setUser_is_never_called(string vendor)
    {
        var site = vendor == "chatku" ? (SampleSiteFactory)chatku : chatwoot;
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.GotoAsync("");

        var calls = await browser.ReadExactAsync($"window.__vendors.{vendor}.setUserCalls");
        Assert.NotNull(calls); // the stand-in ran and dispatched its ready event
        Assert.Equal(0, calls.Value.GetArrayLength());
        await browser.AssertCleanAsync();
    }

    /// <summary>Exactly one call, with exactly two arguments: the id, then name, email and the id's hash, in that order.</summary>
    internal static void AssertSetUserCalledOnceWith(SampleUser stored, JsonElement? calls)
    {
        Assert.NotNull(calls);
        var call = Assert.Single(calls.Value.EnumerateArray());
        Assert.Equal(2, call.GetArrayLength());
        Assert.Equal(stored.Id, BrowserPage.Text(call[0]));
        Assert.Equal(
            [
                KeyValuePair.Create("name", stored.FullName),
                KeyValuePair.Create("email", stored.Email!),
                KeyValuePair.Create("identifier_hash", Expected.Hash(stored.Id)),
            ],
            BrowserPage.Fields(call[1]));
    }
}
