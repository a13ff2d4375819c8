using System.Buffers.Text;
using Microsoft.AspNetCore.Http;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.SignOut;

/// <summary>
/// Remembers, in the visitor's own browser, whom a widget was last told about: half of the user's identity hash, never
/// the id. When the next page's visitor differs (signed out, or another user signed in), the page tells the widget to
/// forget the previous one first. Nothing is kept on the server, so any instance can render any request.
/// </summary>
internal static class VisitorCookie
{
    public const string NamePrefix = ".WidgetIdentity.Visitor";

    private const int FingerprintBytes = 16;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365); // as long as the vendors keep their own cookies

    /// <summary><c>.WidgetIdentity.Visitor</c> for the root widget, <c>.WidgetIdentity.Visitor.&lt;name&gt;</c> for a named one.</summary>
    public static string NameFor(string? widgetName) =>
        widgetName is null ? NamePrefix : $"{NamePrefix}.{Uri.EscapeDataString(widgetName)}";

    /// <summary>
    /// The value for a user: the first half of the identity hash the page already carries (HMAC-SHA256 of the id under the
    /// widget's secret), base64url. It reveals no id, and half a hash verifies nothing at the vendor.
    /// </summary>
    public static string Fingerprint(ReadOnlySpan<byte> identityHash) => Base64Url.EncodeToString(identityHash[..FingerprintBytes]);

    public static string? Read(HttpContext context, ResolvedWidget widget) => context.Request.Cookies[widget.VisitorCookieName];

    public static void Write(HttpContext context, ResolvedWidget widget, string fingerprint) =>
        context.Response.Cookies.Append(widget.VisitorCookieName, fingerprint, Options(context, Lifetime));

    public static void Delete(HttpContext context, ResolvedWidget widget) =>
        context.Response.Cookies.Delete(widget.VisitorCookieName, Options(context, maxAge: null));

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
        MaxAge = maxAge,
        IsEssential = true, // the hand-over that keeps one visitor's chat from the next; it exists only where consent allowed the identity
    };
}
