namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Gleap: its snippet (the queueing <c>Gleap</c> stub, and <c>initialize</c>) before the tag, as an init script.</summary>
public sealed class GleapSite() : VendorSite("Gleap", snippetBeforeTag: true);
