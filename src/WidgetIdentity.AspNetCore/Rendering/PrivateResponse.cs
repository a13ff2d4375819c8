using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace WidgetIdentity.Rendering;

/// <summary>Keeps a response that carries a user's identity out of shared caches and ASP.NET Core output caching.</summary>
internal static class PrivateResponse
{
    /// <summary>Whether the app's cookie consent allows personal data on this response.</summary>
    public static bool ConsentAllowsPersonalData(HttpContext context) =>
        context.Features.Get<ITrackingConsentFeature>() is not { IsConsentNeeded: true, CanTrack: false };

    /// <summary>
    /// Marks the response <c>no-store, private</c> and opts it out of output caching. Returns <see langword="false"/>
    /// when the headers were already sent without <c>no-store</c>, so the caller must not write the identity; a response
    /// marked before it started (for example by <c>&lt;ChatWidgetUser /&gt;</c> before Blazor streamed the page) may
    /// still carry it.
    /// </summary>
    public static bool TryMark(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }

        if (context.Response.HasStarted)
        {
            return IsMarked(context.Response.Headers.CacheControl);
        }

        context.Response.Headers.CacheControl = "no-store, private";
        return true;
    }

    private static bool IsMarked(StringValues cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl.ToString(), out var parsed) && parsed.NoStore;
}
