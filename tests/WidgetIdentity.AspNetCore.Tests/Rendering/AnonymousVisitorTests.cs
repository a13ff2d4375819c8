using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Rendering;

/// <summary>
/// Vendors whose widget starts only from a call that names the workspace still start for a visitor the widget is told
/// nothing about, without identity; after someone else was identified on the browser, the previous session is ended first.
/// </summary>
public sealed class AnonymousVisitorTests
{
    [Fact]
    public async Task Intercom_gets_only_its_app_id_for_an_anonymous_visitor()
    {
        Assert.Equal(
            "<script>window.intercomSettings = {\"app_id\":\"abc123\"};</script>",
            await Render("Intercom", Principals.Anonymous));
    }

    [Fact]
    public async Task Intercom_after_sign_out_shuts_the_previous_session_down_and_boots_anonymously()
    {
        var html = await Render("Intercom", Principals.Anonymous, await VisitorCookieAfterJaneAsync("Intercom"));

        Assert.Equal(
            "<script>window.addEventListener(\"load\", function () {\n  window.Intercom(\"shutdown\");\n  window.Intercom(\"boot\", {\"app_id\":\"abc123\"});\n});</script>",
            html);
    }

    [Fact]
    public async Task FrontChat_starts_without_identity_for_an_anonymous_visitor()
    {
        var html = await Render("FrontChat", Principals.Anonymous);

        Assert.Contains("window.FrontChat(\"init\", {\"chatId\":\"abc123\",\"useDefaultLauncher\":true});", html);
        Assert.DoesNotContain("userHash", html);
        Assert.DoesNotContain("shutdown", html);
    }

    [Fact]
    public async Task FrontChat_after_sign_out_clears_the_session_before_starting_again_without_identity()
    {
        var html = await Render("FrontChat", Principals.Anonymous, await VisitorCookieAfterJaneAsync("FrontChat"));

        var shutdown = html.IndexOf("window.FrontChat(\"shutdown\", {\"clearSession\":true});", StringComparison.Ordinal);
        var init = html.IndexOf("window.FrontChat(\"init\", {\"chatId\":\"abc123\",\"useDefaultLauncher\":true});", StringComparison.Ordinal);
        Assert.True(shutdown > 0 && init > shutdown, html);
    }

    [Fact]
    public async Task Featurebase_boots_with_its_app_id_and_no_token_for_an_anonymous_visitor()
    {
        var html = await Render("Featurebase", Principals.Anonymous);

        Assert.Contains("window.Featurebase(\"boot\", {\"appId\":\"abc123\"});", html);
        Assert.DoesNotContain("featurebaseJwt", html);
    }

    [Theory]
    [InlineData("Crisp")]
    [InlineData("Gleap")]
    [InlineData("Zendesk")]
    public async Task Vendors_whose_own_snippet_starts_the_widget_get_nothing_for_a_first_time_anonymous_visitor(string vendor)
    {
        Assert.Equal("", await Render(vendor, Principals.Anonymous));
    }

    private static async Task<string> VisitorCookieAfterJaneAsync(string vendor)
    {
        var jane = Context(vendor, Principals.SignedIn((ClaimTypes.NameIdentifier, "1"), (ClaimTypes.Email, "jane@example.com")), cookie: null);
        await RenderAsync(jane);
        return jane.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    private static Task<string> Render(string vendor, ClaimsPrincipal user, string? cookie = null) => RenderAsync(Context(vendor, user, cookie));

    private static DefaultHttpContext Context(string vendor, ClaimsPrincipal user, string? cookie)
    {
        var context = new DefaultHttpContext
        {
            User = user,
            RequestServices = TestOptions.BuildServices(new Dictionary<string, string?>
            {
                ["WidgetIdentity:Secret"] = TestOptions.Secret + "-long-enough-for-hs256",
                ["WidgetIdentity:Vendor"] = vendor,
                ["WidgetIdentity:AppId"] = "abc123",
                ["WidgetIdentity:KeyId"] = "app_123",
            }),
        };
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        return context;
    }

    private static async Task<string> RenderAsync(HttpContext context)
    {
        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>()
            .RenderAsync(context, new ChatWidgetRequest { IncludeScript = false });
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
