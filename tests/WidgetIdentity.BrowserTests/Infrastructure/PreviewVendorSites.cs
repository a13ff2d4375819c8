namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// The sample site in Development with <c>"Preview": true</c> and one of the vendors the preview widget stands in for as
/// the root widget (with the AppId or KeyId the vendor requires). Where the vendor's own snippet stands before the tag
/// (Crisp, Help Scout, Gleap, Plain), each browser opened with <see cref="OpenAsync"/> runs that snippet's part that
/// defines the vendor's queue or stub and initializes it, as an init script, but never the vendor's script, which the
/// preview widget replaces.
/// </summary>
public sealed class PreviewVendorSite(string vendor, string? snippet, params (string Key, string Value)[] settings) : SampleSiteFactory
{
    public const string AppId = "preview-app-id";
    public const string KeyId = "app_preview0123456789";

    public string Vendor { get; } = vendor;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(
        settings.Select(setting => KeyValuePair.Create($"WidgetIdentity:{setting.Key}", (string?)setting.Value)))
    {
        ["WidgetIdentity:Vendor"] = vendor,
        ["WidgetIdentity:Preview"] = "true",
    };

    /// <summary>Opens a fresh browser on the site, with the vendor's snippet in every page where it stands before the tag.</summary>
    public async Task<BrowserPage> OpenAsync(ChromiumFixture chromium)
    {
        var browser = await BrowserPage.OpenAsync(chromium, this);
        if (snippet is not null)
        {
            await browser.Context.AddInitScriptAsync(snippet);
        }

        return browser;
    }
}

/// <summary>One preview site per vendor, each started when a test first uses it.</summary>
public sealed class PreviewVendorSites : IAsyncLifetime
{
    /// <summary>Crisp's snippet: the <c>$crisp</c> queue and the website id (it would then load <c>l.js</c>).</summary>
    private const string CrispSnippet = """window.$crisp = []; window.CRISP_WEBSITE_ID = "preview-crisp-website";""";

    /// <summary>Beacon's init snippet: <c>window.Beacon</c> queueing in <c>readyQueue</c>, then <c>Beacon("init", id)</c>.</summary>
    private const string HelpScoutSnippet = """
        window.Beacon = function (method, options, data) { window.Beacon.readyQueue.push({ method: method, options: options, data: data }); };
        window.Beacon.readyQueue = [];
        window.Beacon("init", "preview-beacon-id");
        """;

    /// <summary>Gleap's snippet: a stub whose methods queue <c>{e, a}</c> in <c>window.GleapActions</c>, then <c>Gleap.initialize(key)</c>.</summary>
    private const string GleapSnippet = """
        window.GleapActions = [];
        window.Gleap = {};
        ["initialize", "identify", "clearIdentity", "open", "close"].forEach(function (method) {
          window.Gleap[method] = function () { window.GleapActions.push({ e: method, a: Array.prototype.slice.call(arguments) }); };
        });
        window.Gleap.initialize("preview-gleap-api-key");
        """;

    /// <summary>Plain's snippet: its script's onload (before the window's load event) calls <c>Plain.init({appId})</c>.</summary>
    private const string PlainSnippet = """
        window.addEventListener("load", function () { window.Plain.init({ appId: "preview-plain-app" }); });
        """;

    private readonly Dictionary<string, PreviewVendorSite> _sites = new(StringComparer.Ordinal)
    {
        ["Intercom"] = new("Intercom", null, ("AppId", PreviewVendorSite.AppId)),
        ["IntercomJwt"] = new("Intercom", null, ("AppId", PreviewVendorSite.AppId), ("Signing", "Jwt")),
        ["Crisp"] = new("Crisp", CrispSnippet),
        ["HelpScout"] = new("HelpScout", HelpScoutSnippet),
        ["FrontChat"] = new("FrontChat", null, ("AppId", PreviewVendorSite.AppId)),
        ["Gleap"] = new("Gleap", GleapSnippet),
        ["Chatbase"] = new("Chatbase", null),
        ["Zendesk"] = new("Zendesk", null, ("KeyId", PreviewVendorSite.KeyId)),
        ["Featurebase"] = new("Featurebase", null, ("AppId", PreviewVendorSite.AppId)),
        ["Plain"] = new("Plain", PlainSnippet),
    };

    /// <summary>The site for <paramref name="vendor"/>: a vendor's name, or <c>IntercomJwt</c> for Intercom with <c>"Signing": "Jwt"</c>.</summary>
    public PreviewVendorSite For(string vendor) => _sites[vendor];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var site in _sites.Values)
        {
            await site.DisposeAsync();
        }
    }
}
