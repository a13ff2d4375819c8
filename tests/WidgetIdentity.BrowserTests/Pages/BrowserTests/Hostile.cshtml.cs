using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.BrowserTests.Hostile;

namespace WidgetIdentity.BrowserTests.Pages.BrowserTests;

public sealed class HostileModel : PageModel
{
    public int Batch { get; private set; }

    public IReadOnlyList<(int Index, string UserId, string Value)> Strings { get; private set; } = [];

    public void OnGet(int batch)
    {
        Batch = batch;
        Strings = [.. HostileStrings.Batch(batch).Select((value, i) =>
        {
            var index = batch * HostileStrings.BatchSize + i;
            return (index, HostileStrings.UserId(index), value);
        })];

        // The sample site sends a strict nonce CSP that would block an injected <script> on its own. Drop it here, so
        // the sentinel proves the encoding alone keeps every payload inert.
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
    }
}
