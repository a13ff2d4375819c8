using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Blazor;

/// <summary>
/// The sample's Blazor Web App section, with <c>&lt;ChatWidgetUser /&gt;</c> in its App.razor and a Chatwoot-style
/// stand-in SDK that keeps its widget in an element of its own in <c>&lt;body&gt;</c>, as the real SDK does. Blazor
/// patches the page on enhanced navigation and enhanced form posts: no script of the new content runs, and whatever the
/// server did not render is removed. At every step the widget must hold exactly the right identity, or none.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BlazorNavigationTests(ChromiumFixture chromium, BlazorSite site) : IClassFixture<BlazorSite>
{
    private static readonly StandInSdk Chatwoot = StandInSdk.Chatwoot;

    [Fact]
    public async Task Through_sign_in_navigation_sign_out_and_another_sign_in_the_widget_holds_exactly_the_right_identity_or_none()
    {
        var jane = await site.StoredUserAsync("jane@example.com");
        var bob = await site.StoredUserAsync("bob@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        var visit = new BlazorVisit(browser);

        // Anonymous, first full load: the widget runs for nobody.
        await visit.OpenAsync("blazor");
        var widget = await Chatwoot.SettledAsync(browser);
        Assert.Empty(widget.Users);

        // Signing in with an enhanced form post: the content that follows is for Jane, so the page loads in full and
        // the widget is told about Jane, once.
        Assert.True(await visit.SignInAsync("jane@example.com"));
        widget = await Chatwoot.SettledAsync(browser);
        Assert.Equal([jane.Id], widget.Users.Select(user => user.Identifier));
        Assert.Equal(Expected.Hash(jane.Id), widget.Users[0].Fields.Single(field => field.Key == "identifier_hash").Value);
        await MarkWidgetElementAsync(browser);

        // Enhanced navigation for the same visitor: the page is patched, the widget keeps its element and its user,
        // and is told nothing again.
        Assert.False(await visit.FollowAsync("header a[href='blazor/interactive']", "blazor/interactive"));
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#mode')?.textContent === 'interactive'");
        await browser.Page.ClickAsync("#increment");
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#count')?.textContent === '1'");
        Assert.False(await visit.FollowAsync("header a[href='blazor']", "blazor"));
        widget = await Chatwoot.SettledAsync(browser);
        Assert.Equal([jane.Id], widget.Users.Select(user => user.Identifier));
        Assert.Equal(0, widget.Lost);
        Assert.True(await SameWidgetElementAsync(browser), "The widget's own element did not survive enhanced navigation.");

        // Signing out with an enhanced form post: the widget forgets Jane, and is told about nobody.
        Assert.True(await visit.SignOutAsync());
        widget = await Chatwoot.SettledAsync(browser);
        Assert.Equal(1, widget.Resets);
        Assert.Empty(widget.Users);
        Assert.DoesNotContain(Expected.Hash(jane.Id), await browser.Page.ContentAsync(), StringComparison.Ordinal);

        // Bob signs in on the same tab: told about Bob, in a conversation that is not Jane's.
        Assert.True(await visit.SignInAsync("bob@example.com"));
        widget = await Chatwoot.SettledAsync(browser);
        Assert.Equal([bob.Id], widget.Users.Select(user => user.Identifier));

        // Across all the loads, in order: Jane set once, the reset, Bob set once.
        var log = (await StandInLog.ReadAsync(browser, Chatwoot))
            .Where(entry => entry.What is "reset" or "setUser")
            .Select(entry => entry.What == "reset" ? "reset" : entry.Identifier)
            .ToList();
        Assert.Equal([jane.Id, "reset", bob.Id], log);
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task A_widget_rendered_after_the_page_started_streaming_gets_its_user_once_and_the_page_is_not_cached()
    {
        var jane = await site.StoredUserAsync("jane@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        var visit = new BlazorVisit(browser);
        await visit.OpenAsync("blazor");
        await visit.SignInAsync("jane@example.com");

        var response = await browser.GotoAsync("blazor/streaming");
        await browser.Page.WaitForSelectorAsync("#orders");

        Assert.Contains("no-store", await response.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
        // The support widget's scripts arrived after the page started: started once, in order, for Jane.
        var support = await StandInSdk.Chatku.SettledAsync(browser);
        Assert.Equal([jane.Id], support.Users.Select(user => user.Identifier));
        Assert.Equal([jane.Id], await SetUserCallsAsync(browser, StandInSdk.Chatku));
        Assert.Empty(support.Errors);
        await Chatwoot.SettledAsync(browser);
        Assert.Equal([jane.Id], await SetUserCallsAsync(browser, Chatwoot));
        await browser.AssertCleanAsync();
    }

    [Theory]
    [InlineData("blazor/interactive")] // Blazor Server: a circuit
    [InlineData("blazor/webassembly")] // .NET on WebAssembly, in the browser
    public async Task An_interactive_page_runs_the_widget_scripts_once_not_again_when_it_becomes_interactive(string path)
    {
        var jane = await site.StoredUserAsync("jane@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        var visit = new BlazorVisit(browser);
        await visit.OpenAsync("blazor");
        await visit.SignInAsync("jane@example.com");

        await visit.OpenAsync(path);
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#mode')?.textContent === 'interactive'", null, new() { Timeout = 60_000 });
        await browser.Page.ClickAsync("#increment");
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('#count')?.textContent === '1'");

        await Chatwoot.SettledAsync(browser);
        Assert.Equal([jane.Id], await SetUserCallsAsync(browser, Chatwoot));
        Assert.Equal(1, await browser.Page.Locator(".woot-widget-holder").CountAsync());
        await browser.AssertCleanAsync();
    }

    /// <summary>The ids the page's script passed to the SDK's <c>setUser</c>, in order (sent or deduplicated by the SDK).</summary>
    private static async Task<string[]> SetUserCallsAsync(BrowserPage browser, StandInSdk sdk) =>
        await browser.Page.EvaluateAsync<string[]>(
            $"() => window.__vendors.{sdk.Name}.calls.filter(c => c.method === 'setUser').map(c => String(c.args[0]))");

    private static Task MarkWidgetElementAsync(BrowserPage browser) =>
        browser.Page.EvaluateAsync("() => { window.__widgetElement = document.querySelector('.woot-widget-holder[data-stand-in=chatwoot]'); }");

    private static Task<bool> SameWidgetElementAsync(BrowserPage browser) =>
        browser.Page.EvaluateAsync<bool>(
            "() => window.__widgetElement.isConnected && document.querySelector('.woot-widget-holder[data-stand-in=chatwoot]') === window.__widgetElement");
}
