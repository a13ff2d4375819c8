using Microsoft.AspNetCore.Http;

namespace WidgetIdentity.Users;

/// <summary>
/// Finds the user a widget is told about. The default reads <c>HttpContext.User</c>'s claims; replace it
/// (register your own before or after <c>AddWidgetIdentity()</c>, with any lifetime: it is resolved from the request's
/// services) to load profiles from your own store.
/// </summary>
public interface IWidgetUserResolver
{
    /// <summary>Returns the current visitor, or <see langword="null"/> for an anonymous one.</summary>
    /// <param name="context">The current request.</param>
    /// <param name="claims">The claim types configured for the widget being rendered.</param>
    ValueTask<WidgetUser?> ResolveAsync(HttpContext context, WidgetClaimOptions claims);
}
