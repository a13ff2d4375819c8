namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Plain: its snippet before the tag, as an init script, which initializes <c>Plain</c> before the window's load event.</summary>
public sealed class PlainSite() : VendorSite("Plain", snippetBeforeTag: true);
