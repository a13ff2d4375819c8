namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Intercom, its loader stand-in served after the tag's settings (where Intercom's guide puts its loader).</summary>
public sealed class IntercomSite() : VendorSite(Vendor, snippetBeforeTag: false, ("AppId", AppId), ServedStandIn(Vendor))
{
    public const string Vendor = "Intercom";
    public const string AppId = "standin-intercom-app";
}
