using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

/// <summary>
/// For every vendor with a stand-in: a visitor who never logged in, and the page after a sign-out, make no identity call;
/// vendors whose widget starts only from a call naming the workspace get that call without identity, and after a sign-out
/// the vendor's own reset call comes first (Featurebase and Plain document none).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class VendorNoIdentityTests(ChromiumFixture chromium, VendorSites sites)
{
    private static readonly object[] None = [];

    private static readonly Dictionary<string, (object[] Anonymous, object[] AfterSignOut)> ExpectedCalls = new()
    {
        ["intercom"] = (
            [Call("boot", new { app_id = IntercomSite.AppId })],
            [Call("shutdown"), Call("boot", new { app_id = IntercomSite.AppId })]),
        ["crisp"] = (None, [Call("do session:reset")]),
        ["helpscout"] = (None, [Call("logout")]),
        ["frontchat"] = (
            [Call("init", new { chatId = FrontChatSite.ChatId, useDefaultLauncher = true })],
            [
                Call("init", new { chatId = FrontChatSite.ChatId, useDefaultLauncher = false }),
                Call("shutdown", new { clearSession = true }),
                Call("init", new { chatId = FrontChatSite.ChatId, useDefaultLauncher = true }),
            ]),
        ["gleap"] = (None, [Call("clearIdentity")]),
        ["chatbase"] = (None, [Call("resetUser")]),
        ["zendesk"] = (None, [Call("logoutUser")]),
        ["featurebase"] = ([Call("boot", new { appId = FeaturebaseSite.AppId })], [Call("boot", new { appId = FeaturebaseSite.AppId })]),
        ["plain"] = (None, None),
    };

    public static TheoryData<string> Vendors => [.. ExpectedCalls.Keys];

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task An_anonymous_visitor_gets_no_identity_call_only_the_vendors_anonymous_start(string vendor)
    {
        var widget = await VendorVisits.AnonymousAsync(chromium, sites.For(vendor));

        ExactJson.Equal(ExpectedCalls[vendor].Anonymous, widget.ToJson());
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task After_sign_out_the_next_page_makes_the_vendors_reset_call_and_no_identity_call(string vendor)
    {
        var widget = await VendorVisits.AfterSignOutAsync(chromium, sites.For(vendor));

        ExactJson.Equal(ExpectedCalls[vendor].AfterSignOut, widget.ToJson());
    }

    private static object Call(string method, params object[] args) => new { method, args };
}
