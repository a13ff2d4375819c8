using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace WidgetIdentity.Tests.SignOut;

/// <summary>
/// The sign-out response itself deletes the vendors' session cookies on the site's domain, for cookie authentication with
/// and without ASP.NET Core Identity, with no code in the app beyond <c>AddWidgetIdentity()</c>.
/// </summary>
public sealed class SignOutHandOverTests
{
    private const string VendorCookies = "cw_conversation=conv-jane; cw_user_WEBSITETOKEN=hash-jane; cart=3";

    [Fact]
    public async Task Cookie_sign_out_deletes_the_Chatwoot_cookies_the_request_carries_and_nothing_else()
    {
        using var host = await SignOutSites.CookieAppAsync(SignOutSites.Settings());
        var auth = await SignOutSites.AuthenticationCookieAsync(host, SignOutSites.Principal(CookieAuthenticationDefaults.AuthenticationScheme), CookieAuthenticationDefaults.AuthenticationScheme);

        var response = await SendAsync(host, HttpMethod.Post, "/signout", $"{auth}; {VendorCookies}");

        var deleted = Deletions(response);
        Assert.Contains(("cw_conversation", null), deleted);
        Assert.Contains(("cw_user_WEBSITETOKEN", null), deleted);
        Assert.DoesNotContain(deleted, cookie => cookie.Name == "cart");
        Assert.All(SetCookies(response).Where(cookie => cookie.Name.StartsWith("cw_", StringComparison.Ordinal)), cookie => Assert.Equal("/", cookie.Path.ToString()));
    }

    [Fact]
    public async Task A_widget_rendered_in_the_sign_out_response_identifies_nobody_and_resets_the_widget()
    {
        using var host = await SignOutSites.CookieAppAsync(SignOutSites.Settings());
        var auth = await SignOutSites.AuthenticationCookieAsync(host, SignOutSites.Principal(CookieAuthenticationDefaults.AuthenticationScheme), CookieAuthenticationDefaults.AuthenticationScheme);
        var page = await SendAsync(host, HttpMethod.Get, "/page", auth);
        var visitor = SetCookies(page).Single(cookie => cookie.Name == ".WidgetIdentity.Visitor");
        Assert.Contains("setUser(\"1\"", await page.Content.ReadAsStringAsync());

        var response = await SendAsync(host, HttpMethod.Post, "/signout", $"{auth}; {visitor.Name}={visitor.Value}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("setUser", html);
        Assert.Contains("window.$chatwoot.reset();", html);
    }

    [Fact]
    public async Task With_a_configured_cookie_domain_the_cookies_are_also_deleted_on_that_domain()
    {
        var settings = SignOutSites.Settings();
        settings["WidgetIdentity:CookieDomain"] = ".example.test";
        using var host = await SignOutSites.CookieAppAsync(settings);

        var response = await SendAsync(host, HttpMethod.Post, "/signout", VendorCookies);

        var deleted = Deletions(response);
        Assert.Contains(("cw_conversation", null), deleted);
        Assert.Contains(("cw_conversation", ".example.test"), deleted);
        Assert.Contains(("cw_user_WEBSITETOKEN", ".example.test"), deleted);
    }

    [Fact]
    public async Task Configured_sign_out_cookies_are_deleted_for_a_vendor_whose_cookies_the_package_does_not_know()
    {
        var settings = SignOutSites.Settings("Ainisa");
        settings["WidgetIdentity:SignOutCookies:0"] = "ainisa_*";
        settings["WidgetIdentity:SignOutCookies:1"] = "chat_session";
        using var host = await SignOutSites.CookieAppAsync(settings);

        var response = await SendAsync(host, HttpMethod.Post, "/signout", "ainisa_visitor=v1; chat_session=s1; cw_conversation=c1");

        var deleted = Deletions(response);
        Assert.Equal(
            ["ainisa_visitor", "chat_session"],
            deleted.Select(cookie => cookie.Name).Where(name => name != ".AspNetCore.Cookies").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Identity_SignOutAsync_deletes_the_vendor_cookies()
    {
        using var host = await SignOutSites.IdentityAppAsync(SignOutSites.Settings());
        var auth = await SignOutSites.AuthenticationCookieAsync(host, SignOutSites.Principal(IdentityConstants.ApplicationScheme), IdentityConstants.ApplicationScheme);

        var response = await SendAsync(host, HttpMethod.Post, "/signout", $"{auth}; {VendorCookies}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deleted = Deletions(response);
        Assert.Contains(("cw_conversation", null), deleted);
        Assert.Contains(("cw_user_WEBSITETOKEN", null), deleted);
    }

    [Fact]
    public async Task Identitys_external_cookie_sign_out_on_the_login_page_leaves_the_signed_in_users_chat_alone()
    {
        using var host = await SignOutSites.IdentityAppAsync(SignOutSites.Settings());
        var auth = await SignOutSites.AuthenticationCookieAsync(host, SignOutSites.Principal(IdentityConstants.ApplicationScheme), IdentityConstants.ApplicationScheme);

        var response = await SendAsync(host, HttpMethod.Get, "/login", $"{auth}; {VendorCookies}");

        Assert.DoesNotContain(Deletions(response), cookie => cookie.Name.StartsWith("cw_", StringComparison.Ordinal));
        Assert.Contains("setUser(\"1\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_JWT_bearer_only_app_gets_no_cookie_scheme_and_no_cookie_on_its_responses()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("TEST-ONLY-jwt-signing-key-0123456789abcdef"));
        using var host = await SignOutSites.StartAsync(
            SignOutSites.Settings(),
            services => services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                options.MapInboundClaims = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = false, ValidateAudience = false, IssuerSigningKey = key,
                };
            }),
            _ => { });
        var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            claims: [new("sub", "api-7"), new("email", "api@example.com")],
            expires: DateTime.UtcNow.AddMinutes(5),
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.HmacSha256)));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Cookie", VendorCookies);
        var response = await host.GetTestClient().SendAsync(request);

        var schemes = await host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.Equal([JwtBearerDefaults.AuthenticationScheme], schemes.Select(scheme => scheme.Name));
        Assert.Contains("setUser(\"api-7\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(Deletions(response));
    }

    private static async Task<HttpResponseMessage> SendAsync(IHost host, HttpMethod method, string path, string cookies)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookies);
        return await host.GetTestClient().SendAsync(request);
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? SetCookieHeaderValue.ParseList([.. values]) : [];

    private static List<(string Name, string? Domain)> Deletions(HttpResponseMessage response) =>
        [.. SetCookies(response).Where(cookie => cookie.Expires < DateTimeOffset.UtcNow).Select(cookie => (cookie.Name.ToString(), cookie.Domain.HasValue ? cookie.Domain.ToString() : null))];
}
