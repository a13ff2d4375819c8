using SampleSite.Data;

namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>
/// The visits every vendor's tests make, through the sample site's real pages, each ending with what the vendor's
/// stand-in accepted on the last page, after checking the page stayed clean (no error thrown, no CSP violation).
/// </summary>
public static class VendorVisits
{
    /// <summary>Logs in as <paramref name="login"/> through the form; the stored user and what the home page's widget got.</summary>
    public static async Task<(SampleUser Stored, VendorRecord Widget)> LoggedInAsync(ChromiumFixture chromium, VendorSite site, string login)
    {
        var stored = await site.StoredUserAsync(login);
        await using var browser = await site.OpenAsync(chromium);
        await browser.LogInAsync(login);
        return (stored, await CleanRecordAsync(browser, site));
    }

    /// <summary>What the home page's widget got for a visitor who never logged in.</summary>
    public static async Task<VendorRecord> AnonymousAsync(ChromiumFixture chromium, VendorSite site)
    {
        await using var browser = await site.OpenAsync(chromium);
        await browser.GotoAsync("");
        return await CleanRecordAsync(browser, site);
    }

    /// <summary>Logs Jane in, then out with the header's button: what the widget got on the page after the sign-out.</summary>
    public static async Task<VendorRecord> AfterSignOutAsync(ChromiumFixture chromium, VendorSite site)
    {
        await using var browser = await site.OpenAsync(chromium);
        await browser.LogInAsync("jane@example.com");
        await VendorRecord.SettledAsync(browser, site.StandIn);
        await browser.LogOutAsync();
        return await CleanRecordAsync(browser, site);
    }

    private static async Task<VendorRecord> CleanRecordAsync(BrowserPage browser, VendorSite site)
    {
        var record = await VendorRecord.SettledAsync(browser, site.StandIn);
        Assert.Empty(record.Errors);
        await browser.AssertCleanAsync();
        return record;
    }
}
