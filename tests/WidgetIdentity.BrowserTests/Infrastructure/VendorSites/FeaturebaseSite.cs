namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Featurebase: the tag boots with the app id and loads the SDK, here the stand-in.</summary>
public sealed class FeaturebaseSite() : VendorSite(Vendor, snippetBeforeTag: false, ("AppId", AppId), ServedStandIn(Vendor))
{
    public const string Vendor = "Featurebase";
    public const string AppId = "standin-featurebase-app";
}
