using Microsoft.Playwright;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

/// <summary>
/// The Chatwoot-style stand-in SDK behaves like the real one, so the tests that use it fail where a real site would:
/// a call the SDK rejects is an uncaught error in the page, and its cookies hold the conversation until reset().
/// A page script registered before the site's own (as a misbehaving page would) drives it directly.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class StandInSdkTests(ChromiumFixture chromium, ChatwootSite site) : IClassFixture<ChatwootSite>
{
    [Theory]
    [InlineData("$chatwoot.setUser({ id: 1 }, { name: 'Jane' })", "Identifier should be a string or a number")]
    [InlineData("$chatwoot.setUser('1', { identifier_hash: 'abc', phone_number: '+15550101234' })", "User object should have one of the keys [avatar_url, email, name]")]
    [InlineData("$chatwoot.setUser('1', { name: '', email: '', avatar_url: '' })", "User object should have one of the keys [avatar_url, email, name]")]
    [InlineData("$chatwoot.setCustomAttributes({})", "Custom attributes should have atleast one key")]
    public async Task A_call_the_SDK_rejects_throws_out_of_the_ready_handler_as_a_page_error(string call, string message)
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await OnFirstReadyAsync(browser, call);

        await browser.GotoAsync("");

        var widget = await StandInSdk.Chatwoot.SettledAsync(browser);
        Assert.Equal([message], widget.Errors);
        Assert.Empty(widget.Users);
        Assert.StartsWith($"page error: Error: {message}\n", Assert.Single(browser.Errors), StringComparison.Ordinal); // then its stack
    }

    [Fact]
    public async Task The_SDK_keeps_its_conversation_and_user_in_cookies_and_sends_the_same_user_only_once()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await OnFirstReadyAsync(browser, "$chatwoot.setUser('7', { name: 'Jo' }); $chatwoot.setUser('7', { name: 'Jo' })");

        await browser.GotoAsync("");
        var first = await StandInSdk.Chatwoot.SettledAsync(browser);
        await browser.GotoAsync("");
        var second = await StandInSdk.Chatwoot.SettledAsync(browser);

        var conversation = Assert.Single(first.Loads);
        Assert.Equal((null, false), (conversation.Carried, conversation.Resumed));
        Assert.Equal([("7", conversation.Token)], first.Users.Select(user => (user.Identifier, user.Conversation)));
        Assert.Equal(new FrameLoad(conversation.Token, conversation.Token, Resumed: true), Assert.Single(second.Loads));
        Assert.Empty(second.Users); // the page's call was made again, but the user cookie says the widget already has it
        var cookies = await browser.Context.CookiesAsync();
        var kept = Assert.Single(cookies, cookie => cookie.Name == StandInSdk.ConversationCookie);
        AssertSetAsTheSdkSetsIt(kept, conversation.Token);
        AssertSetAsTheSdkSetsIt(Assert.Single(cookies, cookie => cookie.Name == StandInSdk.Chatwoot.UserCookie), value: null);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Reset_forgets_the_user_and_reloads_the_frame_into_a_new_conversation_then_dispatches_ready_again()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        await OnFirstReadyAsync(browser, """
            $chatwoot.setUser('7', { name: 'Jo' });
            $chatwoot.reset();
            $chatwoot.setUser('8', { name: 'Al' }); // too early: the frame is reloading
            window.addEventListener('chatwoot:ready', function () { $chatwoot.setUser('9', { name: 'Ed' }); }, { once: true });
            """);

        await browser.GotoAsync("");

        var widget = await StandInSdk.Chatwoot.SettledAsync(browser);
        Assert.Equal(1, widget.Resets);
        Assert.Equal(2, widget.Loads.Count);
        Assert.Equal(new FrameLoad(null, widget.Loads[1].Token, Resumed: false), widget.Loads[1]);
        Assert.NotEqual(widget.Loads[0].Token, widget.Loads[1].Token);
        Assert.Equal([("7", widget.Loads[0].Token), ("9", widget.Loads[1].Token)], widget.Users.Select(user => (user.Identifier, user.Conversation)));
        Assert.Equal(1, widget.Lost);
        Assert.Equal(widget.Loads[1].Token, Assert.Single(await browser.Context.CookiesAsync(), cookie => cookie.Name == StandInSdk.ConversationCookie).Value);
        await browser.AssertCleanAsync();
    }

    private static Task OnFirstReadyAsync(BrowserPage browser, string calls) =>
        browser.Context.AddInitScriptAsync(
            $"if (window.top === window) {{ window.addEventListener('chatwoot:ready', function () {{ {calls}; }}, {{ once: true }}); }}");

    /// <summary>As the SDK writes its cookies: readable by scripts, path /, SameSite=Lax, host-only, kept about a year.</summary>
    private static void AssertSetAsTheSdkSetsIt(BrowserContextCookiesResult cookie, string? value)
    {
        if (value is not null)
        {
            Assert.Equal(value, cookie.Value);
        }

        Assert.Equal("/", cookie.Path);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.False(cookie.HttpOnly);
        Assert.Equal("127.0.0.1", cookie.Domain);
        var lifetime = DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires) - DateTimeOffset.UtcNow;
        Assert.InRange(lifetime.TotalDays, 364, 366);
    }
}
