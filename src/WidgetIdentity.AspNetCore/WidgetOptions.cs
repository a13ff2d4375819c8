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

    /// <summary>The vendor whose user-data format is written: <c>Ainisa</c>, <c>Chatku</c> or <c>Chatwoot</c> (case-insensitive).</summary>
    public string? Vendor { get; set; }

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
}
