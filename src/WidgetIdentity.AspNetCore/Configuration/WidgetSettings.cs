namespace WidgetIdentity.Configuration;

/// <summary>
/// Merges a named widget's section over the root section, field by field, and names the configuration keys
/// for messages.
/// </summary>
internal static class WidgetSettings
{
    public static string KeyPrefix(string? widgetName) =>
        widgetName is null ? WidgetIdentityOptions.SectionName : $"{WidgetIdentityOptions.SectionName}:Widgets:{widgetName}";

    public static string? Secret(WidgetIdentityOptions root, WidgetOptions widget) =>
        NonBlank(widget.Secret) ?? NonBlank(root.Secret);

    public static string Vendor(WidgetIdentityOptions root, WidgetOptions widget) =>
        NonBlank(widget.Vendor) ?? NonBlank(root.Vendor) ?? WidgetIdentityOptions.DefaultVendor;

    public static bool Preview(WidgetIdentityOptions root, WidgetOptions widget) =>
        (widget.Preview ?? root.Preview ?? false)
        || string.Equals(Vendor(root, widget).Trim(), Dialects.VendorDialects.PreviewVendor, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the root widget or any named one asks for the preview widget.</summary>
    public static bool AnyPreview(WidgetIdentityOptions root) =>
        Preview(root, root) || root.Widgets.Values.Any(widget => widget is not null && Preview(root, widget));

    /// <summary>
    /// The widget's own URL; else the root's when both use the same vendor (a root Ainisa URL must not load for
    /// a named Chatku widget); else the vendor's default.
    /// </summary>
    public static string? ScriptUrl(WidgetIdentityOptions root, WidgetOptions widget, string? vendorDefault)
    {
        if (NonBlank(widget.ScriptUrl) is { } own)
        {
            return own;
        }

        var sameVendor = NonBlank(widget.Vendor) is not { } vendor
            || Dialects.VendorDialects.Find(vendor) == Dialects.VendorDialects.Find(Vendor(root, root));
        return (sameVendor ? NonBlank(root.ScriptUrl) : null) ?? vendorDefault;
    }

    public static WidgetClaimOptions Claims(WidgetIdentityOptions root, WidgetOptions widget) => new()
    {
        UserId = NonBlank(widget.Claims.UserId) ?? NonBlank(root.Claims.UserId),
        Email = NonBlank(widget.Claims.Email) ?? NonBlank(root.Claims.Email),
        Name = NonBlank(widget.Claims.Name) ?? NonBlank(root.Claims.Name),
        FirstName = NonBlank(widget.Claims.FirstName) ?? NonBlank(root.Claims.FirstName),
        LastName = NonBlank(widget.Claims.LastName) ?? NonBlank(root.Claims.LastName),
    };

    /// <summary>Every configured secret: the root's and each named widget's.</summary>
    public static IEnumerable<string> AllSecrets(WidgetIdentityOptions root)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        if (NonBlank(root.Secret) is { } rootSecret)
        {
            secrets.Add(rootSecret);
        }

        foreach (var widget in root.Widgets.Values)
        {
            if (NonBlank(widget.Secret) is { } secret)
            {
                secrets.Add(secret);
            }
        }

        return secrets;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
