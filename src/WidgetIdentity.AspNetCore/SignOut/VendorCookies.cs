using Microsoft.AspNetCore.Http;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.SignOut;

/// <summary>Deletes the cookies a vendor's script keeps on the site's domain for the visitor's session.</summary>
internal static class VendorCookies
{
    /// <summary>
    /// Sends a deletion for each of the widget's session cookies the request carries: on the site's own host and, where
    /// configured, on the parent domain the vendor's script set it on. Returns the number of deletions sent.
    /// </summary>
    public static int Delete(HttpContext context, ResolvedWidget widget)
    {
        if (widget.SignOutCookies.Count == 0 || context.Response.HasStarted)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var cookie in context.Request.Cookies.Keys)
        {
            if (!widget.SignOutCookies.Any(pattern => Matches(pattern, cookie)))
            {
                continue;
            }

            // As the vendors' scripts set them (js-cookie defaults): path /, host-only or on the configured domain.
            context.Response.Cookies.Delete(cookie, new CookieOptions { Path = "/", SameSite = SameSiteMode.Lax, IsEssential = true });
            deleted++;
            if (widget.CookieDomain is { } domain)
            {
                context.Response.Cookies.Delete(cookie, new CookieOptions { Path = "/", Domain = domain, SameSite = SameSiteMode.Lax, IsEssential = true });
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>An exact name, or a prefix followed by <c>*</c>.</summary>
    public static bool Matches(string pattern, string cookie) =>
        pattern.EndsWith('*')
            ? cookie.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, cookie, StringComparison.Ordinal);
}
