namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Chatbase (a JWT, the default): its embed stand-in served after the tag, which calls on the window's load event.</summary>
public sealed class ChatbaseSite() : VendorSite(Vendor, snippetBeforeTag: false, ServedStandIn(Vendor))
{
    public const string Vendor = "Chatbase";
}
