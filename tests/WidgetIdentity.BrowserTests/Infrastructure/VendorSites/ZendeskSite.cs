namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Zendesk: its <c>ze-snippet</c> stand-in served after the tag, which calls on the window's load event; the JWT names <see cref="KeyId"/>.</summary>
public sealed class ZendeskSite() : VendorSite(Vendor, snippetBeforeTag: false, ("KeyId", KeyId), ServedStandIn(Vendor))
{
    public const string Vendor = "Zendesk";
    public const string KeyId = "app_standin0123456789";
}
