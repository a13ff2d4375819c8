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

    /// <summary>
    /// Writes the root widget (what <c>&lt;chat-widget-user /&gt;</c> writes with no attributes) just before
    /// <c>&lt;/body&gt;</c> of every HTML page rendered by an MVC view or a Razor Page, without a view edit. Off by default.
    /// A page that renders the root widget itself gets it once; <c>[SkipChatWidget]</c> or
    /// <c>HttpContext.SkipChatWidget()</c> leaves it off one page.
    /// </summary>
    public bool AutoInclude { get; set; }

    /// <summary>Named widgets, used with <c>&lt;chat-widget-user widget="name" /&gt;</c>. Names are case-insensitive.</summary>
    public Dictionary<string, WidgetOptions> Widgets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
