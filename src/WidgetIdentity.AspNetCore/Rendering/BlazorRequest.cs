using Microsoft.AspNetCore.Http;

namespace WidgetIdentity.Rendering;

/// <summary>Recognises the requests Blazor's enhanced navigation and enhanced form posts make.</summary>
internal static class BlazorRequest
{
    // blazor.web.js asks with "Accept: text/html; blazor-enhanced-nav=on" when it will patch the page instead of loading it.
    private const string EnhancedNavigationAccept = "blazor-enhanced-nav=on";

    public static bool IsEnhancedUpdate(HttpContext context)
    {
        foreach (var accept in context.Request.Headers.Accept)
        {
            if (accept is not null && accept.Contains(EnhancedNavigationAccept, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
