using Microsoft.Playwright;
using SampleSite.Data;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// A visitor in the sample's Blazor section (<c>/blazor</c>): following its links and posting its forms the way
/// Blazor does it (enhanced: the page is patched, not loaded), and telling whether a step loaded the page in full.
/// </summary>
public sealed class BlazorVisit(BrowserPage browser)
{
    private int _document;

    public BrowserPage Browser => browser;

    /// <summary>Loads <paramref name="path"/> in full, as typing the address does, and waits for Blazor to start.</summary>
    public async Task OpenAsync(string path)
    {
        await browser.GotoAsync(path);
        await WaitForBlazorAsync();
        await MarkDocumentAsync();
    }

    /// <summary>Clicks a link of the page; returns whether the page was then loaded in full (not patched by Blazor).</summary>
    public Task<bool> FollowAsync(string linkSelector, string expectedPath) =>
        StepAsync(() => browser.Page.ClickAsync(linkSelector), expectedPath);

    /// <summary>Signs in through the Blazor sign-in form (an enhanced form post); returns whether the page was loaded in full.</summary>
    public async Task<bool> SignInAsync(string login)
    {
        Assert.False(await FollowAsync("#sign-in", "blazor/signin"), "Following the sign-in link loaded the page in full.");
        await browser.Page.FillAsync("#login", login);
        await browser.Page.FillAsync("#password", DemoUsers.Password);
        var fullLoad = await StepAsync(() => browser.Page.ClickAsync("#submit"), "blazor");
        Assert.Equal(1, await browser.Page.Locator("#signed-in-as").CountAsync());
        return fullLoad;
    }

    /// <summary>Signs out through the Blazor sign-out form (an enhanced form post); returns whether the page was loaded in full.</summary>
    public async Task<bool> SignOutAsync()
    {
        Assert.False(await FollowAsync("#sign-out", "blazor/signout"), "Following the sign-out link loaded the page in full.");
        var fullLoad = await StepAsync(() => browser.Page.ClickAsync("#confirm-sign-out"), "blazor");
        Assert.Equal(1, await browser.Page.Locator("#sign-in").CountAsync());
        return fullLoad;
    }

    private async Task<bool> StepAsync(Func<Task> act, string expectedPath)
    {
        var loads = 0;
        void OnLoad(object? sender, IPage page) => Interlocked.Increment(ref loads);
        browser.Page.Load += OnLoad;
        try
        {
            await act();
            await browser.Page.WaitForURLAsync(browser.Url(expectedPath));

            // Settled: Blazor has applied the new content (or the page reloaded), and no further load follows.
            await WaitForQuietAsync(() => Volatile.Read(ref loads));
        }
        finally
        {
            browser.Page.Load -= OnLoad;
        }

        var sameDocument = await browser.Page.EvaluateAsync<int?>("() => window.__blazorVisitDocument ?? null");
        var fullLoad = sameDocument != _document;
        Assert.Equal(fullLoad, loads > 0);
        if (fullLoad)
        {
            await MarkDocumentAsync();
        }

        return fullLoad;
    }

    private async Task WaitForQuietAsync(Func<int> loads)
    {
        var seen = -1;
        for (var quiet = 0; quiet < 3;)
        {
            await browser.Page.WaitForLoadStateAsync(LoadState.Load);
            await WaitForBlazorAsync();
            await Task.Delay(250);
            var now = loads();
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
    }

    private Task WaitForBlazorAsync() =>
        browser.Page.WaitForFunctionAsync("() => document.readyState === 'complete' && window.Blazor && window.WidgetIdentityBlazor");

    private async Task MarkDocumentAsync()
    {
        _document++;
        await browser.Page.EvaluateAsync("n => { window.__blazorVisitDocument = n; }", _document);
    }
}
