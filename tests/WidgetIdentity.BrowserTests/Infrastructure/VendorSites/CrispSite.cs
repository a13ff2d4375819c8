namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Crisp: its snippet (the <c>$crisp</c> queue) before the tag, as an init script; the chatbox loads after the page.</summary>
public sealed class CrispSite() : VendorSite("Crisp", snippetBeforeTag: true);
