using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WidgetIdentity.IntegrationTests.Infrastructure;

namespace WidgetIdentity.IntegrationTests;

/// <summary>
/// Identity's sign-out (the header's form, POST /Logout, <c>SignInManager.SignOutAsync</c>) hands the chat widgets over
/// in its own response: it deletes the vendor cookies a Chatwoot-style SDK keeps on the site's domain.
/// </summary>
public sealed class SignOutTests
{
    private const string Expired = "expires=Thu, 01 Jan 1970 00:00:00 GMT";

    [Fact]
    public async Task Sign_out_response_deletes_the_Chatwoot_style_cookies_the_request_carries_and_no_others()
    {
        await using var site = new SampleSiteFactory("Ainisa"); // with the sample's named "support" widget, a Chatku one
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);
        client.SetCookie("cw_conversation", "conversation-token");
        client.SetCookie("cw_user_abc", "user-hash");
        client.SetCookie("theme", "dark");

        var response = await SignOutAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            [$"cw_conversation=; {Expired}; path=/; samesite=lax", $"cw_user_abc=; {Expired}; path=/; samesite=lax"],
            SetCookies(response).Where(cookie => cookie.StartsWith("cw_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith("theme=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_cookie_domain_and_more_sign_out_cookies_each_is_deleted_on_the_host_and_on_the_domain()
    {
        await using var site = new SampleSiteFactory("Chatwoot")
            .WithSetting("WidgetIdentity:CookieDomain", ".example.test")
            .WithSetting("WidgetIdentity:SignOutCookies:0", "vendor_session")
            .WithSetting("WidgetIdentity:SignOutCookies:1", "vendor_tmp_*");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email, host: "app.example.test");
        client.SetCookie("cw_conversation", "conversation-token");
        client.SetCookie("vendor_session", "s");
        client.SetCookie("vendor_tmp_1", "t");
        client.SetCookie("vendor_other", "o");

        var response = await SignOutAsync(client);

        string[] deleted = ["cw_conversation", "vendor_session", "vendor_tmp_1"];
        Assert.Equal(
            deleted.SelectMany(name => new[] { $"{name}=; {Expired}; domain=.example.test; path=/; samesite=lax", $"{name}=; {Expired}; path=/; samesite=lax" })
                .Order(StringComparer.Ordinal),
            SetCookies(response).Where(cookie => deleted.Any(name => cookie.StartsWith($"{name}=", StringComparison.Ordinal))).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith("vendor_other=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_sign_out_the_next_page_tells_the_Chatwoot_style_widget_to_reset_once_and_then_no_more()
    {
        await using var site = new SampleSiteFactory("Chatwoot");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);
        var visitor = client.Cookie(".WidgetIdentity.Visitor"); // set by the page the login led to
        Assert.NotNull(visitor);
        Assert.True(visitor.HttpOnly);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", visitor.Value); // a keyed fingerprint of the id, not the id

        await SignOutAsync(client);
        var (signedOut, page) = await client.GetPageAsync("/");
        var next = await client.GetDocumentAsync("/");

        Assert.Equal(
            """
            window.addEventListener("chatwoot:ready", function () {
              window.$chatwoot.reset();
            }, { once: true });
            """.ReplaceLineEndings("\n"),
            Assert.Single(page.Scripts).Text);
        Assert.Equal("no-store, private", signedOut.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Contains(SetCookies(signedOut), cookie => cookie.StartsWith($".WidgetIdentity.Visitor=; {Expired}", StringComparison.Ordinal));
        Assert.Empty(next.Scripts);
    }

    /// <summary>Submits the header's Log out form (with its antiforgery token) and returns the sign-out response itself, not where it redirects.</summary>
    private static async Task<HttpResponseMessage> SignOutAsync(SiteClient client)
    {
        var logout = (await client.GetDocumentAsync("/")).QuerySelector<IHtmlFormElement>("form[action='/Logout']")
            ?? throw new InvalidOperationException("The page has no Log out form.");
        return await client.WithoutRedirects().SubmitAsync("/", logout);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
