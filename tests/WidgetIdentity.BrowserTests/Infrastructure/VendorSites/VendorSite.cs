namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>
/// A test site whose root widget is one of the vendors with a stand-in in <see cref="VendorStandInScripts"/>, not in
/// preview mode, with the vendor's settings. Where the vendor's own snippet stands before the tag, each browser opened
/// with <see cref="OpenAsync"/> runs the stand-in as an init script; otherwise the site serves it (as the tag's
/// <c>ScriptUrl</c>).
/// </summary>
public abstract class VendorSite(string vendor, bool snippetBeforeTag, params (string Key, string Value)[] settings) : SampleSiteFactory
{
    /// <summary>The stand-in's name, e.g. <c>intercom</c>: its file in <c>StandIns/</c> and its record in <c>window.__vendors</c>.</summary>
    public string StandIn { get; } = vendor.ToLowerInvariant();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(
        settings.Select(setting => KeyValuePair.Create($"WidgetIdentity:{setting.Key}", (string?)setting.Value)))
    {
        ["WidgetIdentity:Vendor"] = vendor,
        ["WidgetIdentity:Preview"] = "false",
    };

    /// <summary>Opens a fresh browser on the site, with the stand-in's snippet in every page where it stands before the tag.</summary>
    public async Task<BrowserPage> OpenAsync(ChromiumFixture chromium)
    {
        var browser = await BrowserPage.OpenAsync(chromium, this);
        if (snippetBeforeTag)
        {
            await VendorStandInScripts.AddSnippetAsync(browser, StandIn);
        }

        return browser;
    }

    /// <summary>The stand-in as the tag's <c>ScriptUrl</c>, for a vendor whose script the tag loads.</summary>
    protected static (string Key, string Value) ServedStandIn(string vendor) => ("ScriptUrl", VendorStandInScripts.Url(vendor.ToLowerInvariant()));
}
