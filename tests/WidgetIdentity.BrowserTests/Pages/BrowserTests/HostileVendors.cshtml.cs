using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.BrowserTests.Hostile;
using WidgetIdentity.Users;

namespace WidgetIdentity.BrowserTests.Pages.BrowserTests;

public sealed class HostileVendorsModel : PageModel
{
    /// <summary>The named widgets of <c>AllVendorsSite</c>, in the order each user's tags are written.</summary>
    public static readonly string[] Widgets = ["intercom", "crisp", "helpscout", "frontchat", "gleap", "chatbase", "zendesk", "featurebase", "plain"];

    public int Batch { get; private set; }

    public IReadOnlyList<WidgetUser> Users { get; private set; } = [];

    public void OnGet(int batch)
    {
        Batch = batch;
        Users = [.. Enumerable.Range(batch * HostileStrings.BatchSize, HostileStrings.BatchSize).Select(HostileVendorUsers.For)];

        // As on the Hostile page: only the encoding stands between a payload and window.__pwned.
        Response.Headers.Remove(HeaderNames.ContentSecurityPolicy);
    }
}
