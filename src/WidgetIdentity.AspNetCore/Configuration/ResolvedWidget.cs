using WidgetIdentity.Dialects;

namespace WidgetIdentity.Configuration;

/// <summary>One widget's effective settings: its own section over the root section's.</summary>
/// <param name="Name">The widget's name, or <see langword="null"/> for the root (default) widget.</param>
/// <param name="SecretKey">The HMAC key: the UTF-8 bytes of the secret, as given.</param>
/// <param name="Dialect">The vendor format written.</param>
/// <param name="ScriptUrl">The widget script loaded after the user data, if any.</param>
/// <param name="Claims">The claim types the user is read from.</param>
/// <param name="Preview">Whether the package's preview widget loads instead of the vendor's script.</param>
internal sealed record ResolvedWidget(
    string? Name,
    byte[] SecretKey,
    VendorDialect Dialect,
    string? ScriptUrl,
    WidgetClaimOptions Claims,
    bool Preview)
{
    public const string DefaultFallbackName = "{id}";

    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The cookie that remembers whom this widget was last told about.</summary>
    public string VisitorCookieName { get; } = SignOut.VisitorCookie.NameFor(Name);

    /// <summary>The configuration key of this widget's section, for messages.</summary>
    public string KeyPrefix => WidgetSettings.KeyPrefix(Name);

    /// <summary>What to do for a user who lacks every field the vendor requires.</summary>
    public IncompleteUserHandling IncompleteUser { get; init; } = IncompleteUserHandling.FallbackName;

    /// <summary>The fallback name template; <c>{id}</c> stands for the user id.</summary>
    public string FallbackName { get; init; } = DefaultFallbackName;

    /// <summary>The parent domain the vendor's script sets its cookies on, if configured.</summary>
    public string? CookieDomain { get; init; }

    /// <summary>The vendor's id for the workspace (Intercom's <c>app_id</c>, ...), if configured.</summary>
    public string? AppId { get; init; }

    /// <summary>The JWT key id (Zendesk's <c>kid</c>), if configured.</summary>
    public string? KeyId { get; init; }

    /// <summary>HMAC or JWT where the vendor offers both; <see langword="null"/> for the vendor's preferred one.</summary>
    public WidgetSigning? Signing { get; init; }

    /// <summary>How long a JWT stays valid.</summary>
    public TimeSpan TokenLifetime { get; init; } = DefaultTokenLifetime;

    /// <summary>The vendor's session cookies deleted at sign-out: the dialect's own and the configured ones.</summary>
    public IReadOnlyList<string> SignOutCookies { get; init; } = [];
}
