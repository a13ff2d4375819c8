using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.SignOut;

/// <summary>
/// Hooks cookie authentication's sign-out (which ASP.NET Core Identity's <c>SignInManager.SignOutAsync</c> uses): when the
/// scheme that holds the signed-in user signs out, the sign-out response deletes the vendors' session cookies on the
/// site's domain, and a widget rendered in the same response identifies nobody. Apps without cookie authentication never
/// build these options, so they are untouched.
/// </summary>
internal sealed partial class CookieSignOutHandOver(WidgetCatalog catalog, ILogger<CookieSignOutHandOver> logger)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var inner = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            await HandOverAsync(context);
            await inner(context);
        };
    }

    private async Task HandOverAsync(CookieSigningOutContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<SignOutHandOverFeature>() is not null || !await HoldsTheUserAsync(context))
        {
            return;
        }

        http.Features.Set(SignOutHandOverFeature.Instance);
        var deleted = 0;
        foreach (var widget in catalog.All())
        {
            deleted += VendorCookies.Delete(http, widget);
        }

        LogHandedOver(logger, context.Scheme.Name, http.Request.Path, deleted);
    }

    // Identity also signs out its external and two-factor cookies, and signs out the external cookie on every visit to a
    // login page: only the scheme that authenticates the user hands the widget over.
    private static async Task<bool> HoldsTheUserAsync(CookieSigningOutContext context)
    {
        var scheme = context.Scheme.Name;
        if (context.HttpContext.User.Identities.Any(identity => identity.IsAuthenticated && identity.AuthenticationType == scheme))
        {
            return true;
        }

        var schemes = context.HttpContext.RequestServices.GetService<IAuthenticationSchemeProvider>();
        return schemes is not null && (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name == scheme;
    }

    [LoggerMessage(EventId = 10, EventName = "SignOutHandedOver", Level = LogLevel.Debug,
        Message = "The {Scheme} sign-out on {Path} handed the chat widgets over: {Deleted} vendor cookie deletions sent, and the next page tells each widget to forget the visitor.")]
    private static partial void LogHandedOver(ILogger logger, string scheme, PathString path, int deleted);
}
