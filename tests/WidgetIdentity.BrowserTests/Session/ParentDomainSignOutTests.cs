using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Session;

/// <summary>
/// A site at <c>app.widget.test</c> whose Chatwoot SDK keeps its cookies on the parent domain (<c>baseDomain</c>
/// <c>.widget.test</c>, shared with the site's other subdomains). A browser deletes a cookie only for the domain it was set
/// on, so with <c>WidgetIdentity:CookieDomain</c> set the sign-out response deletes them there too.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ParentDomainSignOutTests(ChromiumFixture chromium, ParentDomainChatwootSite site) : IClassFixture<ParentDomainChatwootSite>
{
    [Fact]
    public async Task The_sign_out_response_deletes_the_SDK_cookies_the_SDK_set_on_the_parent_domain()
    {
        var sdk = StandInSdk.Chatwoot;
        await using var browser = await BrowserPage.OpenAsync(chromium, site, ParentDomainChatwootSite.Host);
        await browser.LogInAsync("jane@example.com");
        var janeConversation = Assert.Single((await sdk.SettledAsync(browser)).Users).Conversation;
        var sdkCookies = (await browser.Context.CookiesAsync()).Where(cookie => cookie.Name.StartsWith("cw_", StringComparison.Ordinal));
        Assert.Equal(
            [(StandInSdk.ConversationCookie, ParentDomainChatwootSite.CookieDomain), (sdk.UserCookie, ParentDomainChatwootSite.CookieDomain)],
            sdkCookies.Select(cookie => (cookie.Name, cookie.Domain)).Order());

        var signOut = await browser.LogOutAsync();
        var signedOut = await sdk.SettledAsync(browser);

        var deletions = await CookieDeletions.InAsync(signOut);
        Assert.Contains((StandInSdk.ConversationCookie, ParentDomainChatwootSite.CookieDomain, "/"), deletions);
        Assert.Contains((sdk.UserCookie, ParentDomainChatwootSite.CookieDomain, "/"), deletions);
        Assert.Null(signedOut.Loads[0].Carried); // the browser dropped them on the sign-out response, before any script of the next page
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), cookie => cookie.Value == janeConversation);
        await browser.AssertCleanAsync();
    }
}
