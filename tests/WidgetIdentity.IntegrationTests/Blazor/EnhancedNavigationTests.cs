using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.BlazorPages;

namespace WidgetIdentity.IntegrationTests.Blazor;

/// <summary>
/// An enhanced navigation (blazor.web.js patches the page, and the scripts in it never run) leaves the visitor cookie as it
/// is, so the full load the page script then asks for still sees whom the widget was last told about and resets it; the
/// same request as a full page load moves the cookie on.
/// </summary>
public sealed class EnhancedNavigationTests
{
    private const string VisitorCookie = ".WidgetIdentity.Visitor";
    private const string SomeoneElse = "c29tZW9uZS1lbHNlLWZw"; // a fingerprint that is not the visitor's

    [Fact]
    public async Task Signed_in_user_whose_visitor_cookie_names_someone_else_keeps_it_on_an_enhanced_navigation_only()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var jane = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);
        var cookies = $"{jane.Cookies.GetCookieHeader(new Uri("http://localhost"))}; {VisitorCookie}={SomeoneElse}";

        var enhanced = await SendAsync(site, EnhancedNavigation("/blazor"), cookies);
        var fullLoad = await SendAsync(site, new HttpRequestMessage(HttpMethod.Get, "/blazor"), cookies);

        Assert.Empty(VisitorCookies(enhanced));
        Assert.Equal([$"{VisitorCookie}={Fingerprint(SampleSiteFactory.Secret, DemoLogins.Jane.Id)}"], VisitorCookies(fullLoad));
    }

    [Fact]
    public async Task Anonymous_visitor_with_a_visitor_cookie_keeps_it_on_an_enhanced_navigation_only()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var cookies = $"{VisitorCookie}={SomeoneElse}";

        var enhanced = await SendAsync(site, EnhancedNavigation("/blazor"), cookies);
        var fullLoad = await SendAsync(site, new HttpRequestMessage(HttpMethod.Get, "/blazor"), cookies);

        Assert.Empty(VisitorCookies(enhanced));
        Assert.Equal([$"{VisitorCookie}="], VisitorCookies(fullLoad)); // deleted: empty, and expired
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(SetCookies(fullLoad)));

        // Either way the page depends on this browser's cookie: never stored for another visitor.
        Assert.True(enhanced.Headers.CacheControl?.NoStore);
        Assert.True(fullLoad.Headers.CacheControl?.NoStore);
    }

    /// <summary>What the visitor cookie holds for a user: the first 16 bytes of HMAC-SHA256(secret, id), base64url, computed here.</summary>
    private static string Fingerprint(string secret, string id) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(id)).AsSpan(0, 16));

    /// <summary>Sends with exactly <paramref name="cookies"/>, following no redirect and keeping no cookie.</summary>
    private static async Task<HttpResponseMessage> SendAsync(WebApplicationFactory<Program> site, HttpRequestMessage request, string cookies)
    {
        request.Headers.Add("Cookie", cookies);
        var response = await site.CreateDefaultClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).Where(value => value.StartsWith(VisitorCookie + "=", StringComparison.Ordinal));

    /// <summary>The visitor cookies the response sets, as <c>name=value</c>.</summary>
    private static string[] VisitorCookies(HttpResponseMessage response) => SetCookies(response).Select(value => value.Split(';')[0]).ToArray();
}
