using WidgetIdentity.BrowserTests.Hostile;

namespace WidgetIdentity.BrowserTests.Pages.BrowserTests;

public sealed class HostileVendorsModel() : HostileBatchModel(HostileVendorUsers.For)
{
    /// <summary>The named widgets of <c>AllVendorsSite</c>, in the order each user's tags are written.</summary>
    public static readonly string[] Widgets = ["intercom", "crisp", "helpscout", "frontchat", "gleap", "chatbase", "zendesk", "featurebase", "plain"];
}
