namespace WidgetIdentity;

/// <summary>
/// What to do for a signed-in user who lacks a field the vendor's SDK requires (Chatwoot-style <c>setUser</c> throws
/// unless the user has a name, an email or an avatar).
/// </summary>
public enum IncompleteUserHandling
{
    /// <summary>Identify the user with <see cref="WidgetOptions.FallbackName"/> as their name (by default the user id).</summary>
    FallbackName,

    /// <summary>Leave the identity out: the widget loads, and the visitor stays anonymous to it.</summary>
    Anonymous,
}
