using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.BrowserTests.Hostile;
using WidgetIdentity.Users;

namespace WidgetIdentity.BrowserTests.Pages.BrowserTests;

/// <summary>A test page for one batch of generated hostile strings: a user for each string of the batch, made by <paramref name="userFor"/>.</summary>
public abstract class HostileBatchModel(Func<int, WidgetUser> userFor) : PageModel
{
    public int Batch { get; private set; }

    public IReadOnlyList<WidgetUser> Users { get; private set; } = [];

    public void OnGet(int batch)
    {
        Batch = batch;
        Users = [.. Enumerable.Range(batch * HostileStrings.BatchSize, HostileStrings.BatchSize).Select(userFor)];

        // As on the Hostile page: only the encoding stands between a payload and window.__pwned.
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
    }
}
