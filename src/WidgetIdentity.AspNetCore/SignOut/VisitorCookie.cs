using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.SignOut;

/// <summary>
/// Remembers, in the visitor's own browser, whom a widget was last told about: a keyed fingerprint of the user id, never
/// the id. When the next page's visitor differs (signed out, or another user signed in), the page tells the widget to
/// forget the previous one first. Nothing is kept on the server, so any instance can render any request.
/// </summary>
internal static class VisitorCookie
{
    public const string NamePrefix = ".WidgetIdentity.Visitor";

    private const int FingerprintBytes = 16;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365); // as long as the vendors keep their own cookies
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("WidgetIdentity.Visitor\n");

    /// <summary><c>.WidgetIdentity.Visitor</c> for the root widget, <c>.WidgetIdentity.Visitor.&lt;name&gt;</c> for a named one.</summary>
    public static string Name(ResolvedWidget widget) =>
        widget.Name is null ? NamePrefix : $"{NamePrefix}.{Uri.EscapeDataString(widget.Name)}";

    /// <summary>The value for <paramref name="userId"/>: HMAC-SHA256 under the widget's secret, truncated, base64url.</summary>
    public static string Fingerprint(ResolvedWidget widget, string userId)
    {
        var idBytes = Encoding.UTF8.GetBytes(userId);
        var message = new byte[Purpose.Length + idBytes.Length];
        Purpose.CopyTo(message, 0);
        idBytes.CopyTo(message, Purpose.Length);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(widget.SecretKey, message, hash);
        return Convert.ToBase64String(hash[..FingerprintBytes]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string? Read(HttpContext context, ResolvedWidget widget) => context.Request.Cookies[Name(widget)];

    public static void Write(HttpContext context, ResolvedWidget widget, string fingerprint) =>
        context.Response.Cookies.Append(Name(widget), fingerprint, Options(context, Lifetime));

    public static void Delete(HttpContext context, ResolvedWidget widget) =>
        context.Response.Cookies.Delete(Name(widget), Options(context, maxAge: null));

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
