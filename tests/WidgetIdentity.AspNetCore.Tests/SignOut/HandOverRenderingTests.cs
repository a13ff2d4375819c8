using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.SignOut;

/// <summary>
/// The page after a different visitor (or nobody) tells the widget to forget the previous one first. What the widget was
/// last told is remembered only in the browser's own <c>.WidgetIdentity.Visitor</c> cookie, never on the server.
/// </summary>
public sealed class HandOverRenderingTests
{
    private const string VisitorCookie = ".WidgetIdentity.Visitor";

    private const string EnhancedNavigation = "text/html; blazor-enhanced-nav=on";

    private readonly ListLoggerProvider _logs = new();
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["WidgetIdentity:Secret"] = TestOptions.Secret,
        ["WidgetIdentity:Vendor"] = "Chatwoot",
    };

    [Fact]
    public async Task A_page_that_identifies_a_user_remembers_a_fingerprint_of_the_id_in_an_http_only_cookie_not_the_id()
    {
        var context = Context(Principals.Jane);

        await Render(context);

        var cookie = SetCookie(context, VisitorCookie);
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.MaxAge >= TimeSpan.FromDays(365));
        Assert.NotEqual("1", cookie.Value.ToString());
        Assert.Equal(22, cookie.Value.Length); // 16 bytes of HMAC, base64url
    }

    [Fact]
    public async Task The_same_user_on_the_next_page_gets_no_reset_and_no_new_cookie()
    {
        var next = await ContextAfterJaneAsync(Principals.Jane);

        var html = await Render(next);

        Assert.DoesNotContain("reset()", html);
        Assert.Null(SetCookie(next, VisitorCookie));
    }

    [Fact]
    public async Task Another_user_on_the_same_browser_gets_a_reset_before_their_setUser()
    {
        var bob = await ContextAfterJaneAsync(Principals.SignedIn((ClaimTypes.NameIdentifier, "2"), (ClaimTypes.Email, "bob@example.com")));

        var html = await Render(bob);

        Assert.Contains("window.$chatwoot.reset();\n  window.addEventListener(\"chatwoot:ready\", function () {\n    window.$chatwoot.setUser(\"2\"", html);
        Assert.NotEqual(bob.Request.Cookies[VisitorCookie], SetCookie(bob, VisitorCookie)!.Value.ToString());
    }

    [Fact]
    public async Task Nobody_after_a_user_gets_only_the_reset_and_the_cookie_is_deleted_and_the_page_kept_out_of_shared_caches()
    {
        var anonymous = await ContextAfterJaneAsync(Principals.Anonymous);

        var html = await Render(anonymous);

        Assert.Equal("<script>window.addEventListener(\"chatwoot:ready\", function () {\n  window.$chatwoot.reset();\n}, { once: true });</script>", html);
        Assert.True(SetCookie(anonymous, VisitorCookie)!.Expires < DateTimeOffset.UtcNow, "the cookie is deleted");
        Assert.Equal("no-store, private", anonymous.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_first_time_anonymous_visitor_gets_no_reset_and_no_cookie()
    {
        var context = Context(Principals.Anonymous);

        Assert.Equal("", await Render(context));
        Assert.Equal(0, context.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public async Task Ainisa_has_no_reset_call_so_nobody_after_a_user_gets_no_script_but_the_cookie_is_still_cleared()
    {
        _settings["WidgetIdentity:Vendor"] = "Ainisa";
        var anonymous = await ContextAfterJaneAsync(Principals.Anonymous);

        var html = await Render(anonymous, includeScript: true);

        Assert.Equal("<script src=\"https://chatbot.ainisa.com/widget.js\"></script>", html);
        Assert.True(SetCookie(anonymous, VisitorCookie)!.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_named_widget_remembers_its_visitor_in_a_cookie_of_its_own()
    {
        _settings["WidgetIdentity:Widgets:support:Vendor"] = "Chatku";
        var context = Context(Principals.Jane);

        await Render(context, widget: "support");

        Assert.NotNull(SetCookie(context, ".WidgetIdentity.Visitor.support"));
        Assert.Null(SetCookie(context, VisitorCookie));
    }

    [Fact]
    public async Task When_consent_is_withdrawn_the_widget_is_reset_as_for_nobody()
    {
        var withdrawn = await ContextAfterJaneAsync(Principals.Jane);
        withdrawn.Features.Set<ITrackingConsentFeature>(new NoConsent());

        var html = await Render(withdrawn);

        Assert.Contains("reset()", html);
        Assert.DoesNotContain("setUser", html);
        Assert.Contains(_logs.Entries, entry => entry.EventId.Name == "ConsentNotGiven");
    }

    [Fact]
    public async Task A_blazor_enhanced_navigation_leaves_the_visitor_cookie_to_the_next_full_page()
    {
        var context = Context(Principals.Jane);
        context.Request.Headers.Accept = EnhancedNavigation;

        await RenderBlazor(context);

        Assert.Null(SetCookie(context, VisitorCookie));
    }

    [Fact]
    public async Task A_blazor_page_loaded_in_full_remembers_its_visitor()
    {
        var context = Context(Principals.Jane);

        await RenderBlazor(context);

        Assert.NotNull(SetCookie(context, VisitorCookie));
    }

    [Fact]
    public async Task A_razor_page_remembers_its_visitor_whatever_the_accept_header_says()
    {
        var context = Context(Principals.Jane);
        context.Request.Headers.Accept = EnhancedNavigation;

        await Render(context);

        Assert.NotNull(SetCookie(context, VisitorCookie));
    }

    [Fact]
    public async Task Nobody_after_a_user_in_a_blazor_enhanced_navigation_gets_the_reset_and_the_cookie_is_kept_for_the_next_full_page()
    {
        var anonymous = await ContextAfterJaneAsync(Principals.Anonymous);
        anonymous.Request.Headers.Accept = EnhancedNavigation;

        var html = await RenderBlazor(anonymous);

        Assert.Contains("reset()", html);
        Assert.Null(SetCookie(anonymous, VisitorCookie));
        Assert.Contains(_logs.Entries, entry => entry.EventId.Name == "HandOverCookieKept");
    }

    /// <summary>The next request on a browser whose widget was just told about Jane, carrying the cookie that page set.</summary>
    private async Task<DefaultHttpContext> ContextAfterJaneAsync(ClaimsPrincipal next)
    {
        var jane = Context(Principals.Jane);
        await Render(jane);
        return Context(next, SetCookie(jane, VisitorCookie));
    }

    private DefaultHttpContext Context(ClaimsPrincipal user, SetCookieHeaderValue? cookie = null)
    {
        var context = new DefaultHttpContext
        {
            User = user,
            RequestServices = TestOptions.BuildServices(_settings, services: services => services.AddLogging(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))),
        };
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        }

        return context;
    }

    private static SetCookieHeaderValue? SetCookie(HttpContext context, string name) =>
        SetCookieHeaderValue.ParseList(context.Response.Headers.SetCookie.ToArray()!).LastOrDefault(cookie => cookie.Name == name);

    private static async Task<string> Render(HttpContext context, string? widget = null, bool includeScript = false)
    {
        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>()
            .RenderAsync(context, new ChatWidgetRequest { Widget = widget, IncludeScript = includeScript });
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static async Task<string> RenderBlazor(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>()
            .RenderScriptsAsync(context, new ChatWidgetRequest { IncludeScript = false }, RenderingHost.Blazor)).Html;

    private sealed class NoConsent : ITrackingConsentFeature
    {
        public bool IsConsentNeeded => true;

        public bool HasConsent => false;

        public bool CanTrack => false;

        public string CreateConsentCookie() => "";

        public void GrantConsent()
        {
        }

        public void WithdrawConsent()
        {
        }
    }
}
