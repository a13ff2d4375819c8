namespace WidgetIdentity;

/// <summary>
/// Options bound from the <c>WidgetIdentity</c> configuration section by <c>AddWidgetIdentity()</c>.
/// </summary>
public sealed class WidgetIdentityOptions : WidgetOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "WidgetIdentity";

    /// <summary>The vendor used when none is configured.</summary>
    public const string DefaultVendor = "Ainisa";

    /// <summary>Creates options with the default vendor.</summary>
    public WidgetIdentityOptions() => Vendor = DefaultVendor;

    /// <summary>How the secret guard treats a response that would carry a configured secret.</summary>
    public SecretGuardOptions Guard { get; set; } = new();

    /// <summary>
    /// Allows the preview widget and its verify endpoint outside the Development environment. Off by default:
    /// asking for preview mode in another environment is a start-up error.
    /// </summary>
    public bool AllowPreviewOutsideDevelopment { get; set; }

    /// <summary>Named widgets, used with <c>&lt;chat-widget-user widget="name" /&gt;</c>. Names are case-insensitive.</summary>
    public Dictionary<string, WidgetOptions> Widgets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
