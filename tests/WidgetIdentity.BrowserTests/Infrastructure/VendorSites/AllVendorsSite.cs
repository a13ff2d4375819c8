namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>
/// A site with a named widget for each vendor with a stand-in, named for its stand-in (<c>intercom</c>, <c>crisp</c>, ...),
/// each with the settings the vendor requires, for pages that write every vendor's call at once. The root widget is the
/// sample site's own (Ainisa), not in preview mode.
/// </summary>
public sealed class AllVendorsSite : SampleSiteFactory
{
    /// <summary>The stand-ins whose snippet stands before the tag: each runs as an init script.</summary>
    public static readonly string[] SnippetsBeforeTag = ["crisp", "helpscout", "gleap", "plain"];

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Preview"] = "false",
        ["WidgetIdentity:Widgets:intercom:Vendor"] = IntercomSite.Vendor,
        ["WidgetIdentity:Widgets:intercom:AppId"] = IntercomSite.AppId,
        ["WidgetIdentity:Widgets:crisp:Vendor"] = "Crisp",
        ["WidgetIdentity:Widgets:helpscout:Vendor"] = "HelpScout",
        ["WidgetIdentity:Widgets:frontchat:Vendor"] = FrontChatSite.Vendor,
        ["WidgetIdentity:Widgets:frontchat:AppId"] = FrontChatSite.ChatId,
        ["WidgetIdentity:Widgets:gleap:Vendor"] = "Gleap",
        ["WidgetIdentity:Widgets:chatbase:Vendor"] = ChatbaseSite.Vendor,
        ["WidgetIdentity:Widgets:zendesk:Vendor"] = ZendeskSite.Vendor,
        ["WidgetIdentity:Widgets:zendesk:KeyId"] = ZendeskSite.KeyId,
        ["WidgetIdentity:Widgets:featurebase:Vendor"] = FeaturebaseSite.Vendor,
        ["WidgetIdentity:Widgets:featurebase:AppId"] = FeaturebaseSite.AppId,
        ["WidgetIdentity:Widgets:plain:Vendor"] = "Plain",
    };

    /// <summary>Opens a fresh browser on the site, with the stand-ins of <see cref="SnippetsBeforeTag"/> in every page.</summary>
    public async Task<BrowserPage> OpenAsync(ChromiumFixture chromium)
    {
        var browser = await BrowserPage.OpenAsync(chromium, this);
        foreach (var standIn in SnippetsBeforeTag)
        {
            await VendorStandInScripts.AddSnippetAsync(browser, standIn);
        }

        return browser;
    }
}
