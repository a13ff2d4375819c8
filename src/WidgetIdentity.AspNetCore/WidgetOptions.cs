namespace WidgetIdentity;

/// <summary>
/// The settings of one chat widget. The root <c>WidgetIdentity</c> section is the default widget; each entry
/// under <c>WidgetIdentity:Widgets</c> is a named widget that falls back to the root for any setting it leaves out.
/// </summary>
public class WidgetOptions
{
    /// <summary>
    /// The secret key the vendor gave you. Never logged, never rendered. Set it with user-secrets or the
    /// <c>WidgetIdentity__Secret</c> environment variable, never in a committed file.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The secret this widget used before its vendor issued <see cref="Secret"/>: kept out of every response by the secret
    /// guard while the vendor switches over, never used for signing. Remove it once the switch is done. Not inherited by
    /// named widgets; the same rules as <see cref="Secret"/> apply (at least 16 characters, no placeholder).
    /// </summary>
    public string? PreviousSecret { get; set; }

    /// <summary>The vendor whose user-data format is written: <c>Ainisa</c>, <c>Chatku</c> or <c>Chatwoot</c> (case-insensitive).</summary>
    public string? Vendor { get; set; }

    /// <summary>
    /// The vendor's id for your workspace where its script needs one (Intercom's <c>app_id</c>, Plain's and Featurebase's
    /// <c>appId</c>, Crisp's website id). Not a secret.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>The id of the signing key where the vendor's JWT names it (Zendesk's <c>kid</c>). Not a secret.</summary>
    public string? KeyId { get; set; }

    /// <summary>For vendors that offer both (Intercom, Chatbase): an HMAC of the signed value or a JWT. Defaults to the vendor's preferred one.</summary>
    public WidgetSigning? Signing { get; set; }

    /// <summary>How long a JWT the widget is given stays valid (its <c>exp</c>). Defaults to 10 minutes.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>The widget script to load after the user data; defaults to the vendor's own URL where it has one.</summary>
    public string? ScriptUrl { get; set; }

    /// <summary>
    /// Writes this vendor's user data but loads the package's preview widget instead of the vendor's script: a
    /// panel that shows what the vendor would receive and whether its hash verifies. Development only, unless
    /// <see cref="WidgetIdentityOptions.AllowPreviewOutsideDevelopment"/> is set. <c>"Vendor": "Preview"</c>
    /// does the same with Ainisa's format.
    /// </summary>
    public bool? Preview { get; set; }

    /// <summary>The claim types the user's fields are read from; any left <see langword="null"/> use the defaults.</summary>
    public WidgetClaimOptions Claims { get; set; } = new();

    /// <summary>
    /// What to do for a signed-in user who lacks every field the vendor's SDK requires (a Chatwoot-style widget needs a
    /// name, an email or an avatar). Defaults to <see cref="IncompleteUserHandling.FallbackName"/>.
    /// </summary>
    public IncompleteUserHandling? IncompleteUser { get; set; }

    /// <summary>
    /// The name given to such a user with <see cref="IncompleteUserHandling.FallbackName"/>; <c>{id}</c> stands for the
    /// user id. Defaults to <c>{id}</c>.
    /// </summary>
    public string? FallbackName { get; set; }

    /// <summary>
    /// The domain the vendor's script sets its cookies on when that is a parent domain of the site (Chatwoot's
    /// <c>baseDomain</c>, for example <c>.example.com</c>). Sign-out deletes the vendor's cookies on it as well as on the
    /// site's own host: a browser deletes a cookie only when the <c>Domain</c> matches the one it was set with.
    /// </summary>
    public string? CookieDomain { get; set; }

    /// <summary>
    /// More cookies of the vendor's to delete when the user signs out, beyond those the package knows for the vendor: exact
    /// names, or a prefix followed by <c>*</c>.
    /// </summary>
    public List<string> SignOutCookies { get; set; } = [];
}
