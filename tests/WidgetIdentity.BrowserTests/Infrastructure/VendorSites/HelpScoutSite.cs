namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Help Scout: the Beacon init snippet (the <c>Beacon</c> queue) before the tag, as an init script; the Beacon loads after the page.</summary>
public sealed class HelpScoutSite() : VendorSite("HelpScout", snippetBeforeTag: true);
