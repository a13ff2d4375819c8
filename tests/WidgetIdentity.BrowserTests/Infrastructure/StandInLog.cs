namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// The stand-in SDKs' log across page loads (<c>sessionStorage["__vendors.log"]</c>), in order: what each SDK did,
/// on which page.
/// </summary>
public static class StandInLog
{
    public static async Task<IReadOnlyList<StandInLogEntry>> ReadAsync(BrowserPage browser, StandInSdk sdk)
    {
        var entries = await browser.ReadExactAsync("JSON.parse(sessionStorage.getItem('__vendors.log') || '[]')")
            ?? throw new InvalidOperationException("The log could not be read.");
        return
        [
            .. entries.EnumerateArray()
                .Where(entry => BrowserPage.Text(entry.GetProperty("vendor")) == sdk.Name)
                .Select(entry => new StandInLogEntry(
                    BrowserPage.Text(entry.GetProperty("page")),
                    BrowserPage.Text(entry.GetProperty("what")),
                    entry.TryGetProperty("identifier", out var identifier) ? BrowserPage.Text(identifier) : null)),
        ];
    }
}

/// <summary>One thing a stand-in SDK did: <c>load</c>, <c>ready</c>, <c>setUser</c>, <c>setCustomAttributes</c>, <c>reset</c>, <c>lost</c> or <c>error</c>.</summary>
public sealed record StandInLogEntry(string Page, string What, string? Identifier);
