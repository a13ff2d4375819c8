namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>Front Chat: the tag calls <c>init</c> with the chat id and loads the bundle, here the stand-in.</summary>
public sealed class FrontChatSite() : VendorSite(Vendor, snippetBeforeTag: false, ("AppId", ChatId), ServedStandIn(Vendor))
{
    public const string Vendor = "FrontChat";
    public const string ChatId = "standin-front-chat-id";
}
