namespace WidgetIdentity.Configuration;

/// <summary>
/// Merges a named widget's section over the root section, field by field, and names the configuration keys
/// for messages.
/// </summary>
internal static class WidgetSettings
{
    public static string KeyPrefix(string? widgetName) =>
        widgetName is null ? WidgetIdentityOptions.SectionName : $"{WidgetIdentityOptions.SectionName}:Widgets:{widgetName}";

    /// <summary>
    /// How to set a (non-secret) setting, for a start-up message: the JSON to put in the widget's section of
    /// <c>appsettings.json</c>, which a template app has, and the environment variable that does the same.
    /// </summary>
    /// <param name="prefix">The widget's section, from <see cref="KeyPrefix"/>.</param>
    /// <param name="setting">The setting's name, for example <c>AppId</c>.</param>
    /// <param name="exampleJson">The value as JSON, for example <c>"&lt;your app id&gt;"</c>.</param>
    public static string HowToSet(string prefix, string setting, string exampleJson)
    {
        var sections = prefix.Split(':');
        var section = string.Join(": { ", sections.Select(name => $"\"{name}\"")) + ": { ... }"
            + string.Concat(Enumerable.Repeat(" }", sections.Length - 1));
        return $"Add \"{setting}\": {exampleJson} to the section {section} in appsettings.json, "
            + $"or set the environment variable {prefix.Replace(":", "__", StringComparison.Ordinal)}__{setting}.";
    }

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
    public static string? ScriptUrl(WidgetIdentityOptions root, WidgetOptions widget, string? vendorDefault) =>
        NonBlank(widget.ScriptUrl) ?? SameVendor(root, widget, NonBlank(root.ScriptUrl)) ?? vendorDefault;

    /// <summary>A root setting that belongs to the vendor (its script, app id, key id), for a widget of that same vendor only.</summary>
    private static T? SameVendor<T>(WidgetIdentityOptions root, WidgetOptions widget, T? rootValue) =>
        NonBlank(widget.Vendor) is not { } vendor || CanonicalVendor(vendor) == CanonicalVendor(Vendor(root, root))
            ? rootValue
            : default;

    public static WidgetClaimOptions Claims(WidgetIdentityOptions root, WidgetOptions widget) => new()
    {
        UserId = NonBlank(widget.Claims.UserId) ?? NonBlank(root.Claims.UserId),
        Email = NonBlank(widget.Claims.Email) ?? NonBlank(root.Claims.Email),
        Name = NonBlank(widget.Claims.Name) ?? NonBlank(root.Claims.Name),
        FirstName = NonBlank(widget.Claims.FirstName) ?? NonBlank(root.Claims.FirstName),
        LastName = NonBlank(widget.Claims.LastName) ?? NonBlank(root.Claims.LastName),
        AvatarUrl = NonBlank(widget.Claims.AvatarUrl) ?? NonBlank(root.Claims.AvatarUrl),
        PhoneNumber = NonBlank(widget.Claims.PhoneNumber) ?? NonBlank(root.Claims.PhoneNumber),
        CompanyName = NonBlank(widget.Claims.CompanyName) ?? NonBlank(root.Claims.CompanyName),
        Description = NonBlank(widget.Claims.Description) ?? NonBlank(root.Claims.Description),
        CountryCode = NonBlank(widget.Claims.CountryCode) ?? NonBlank(root.Claims.CountryCode),
        City = NonBlank(widget.Claims.City) ?? NonBlank(root.Claims.City),
        CustomAttributes = root.Claims.CustomAttributes
            .Concat(ReferenceEquals(widget, root) ? [] : widget.Claims.CustomAttributes)
            .Where(pair => NonBlank(pair.Key) is not null && NonBlank(pair.Value) is not null)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal),
    };

    public static string? AppId(WidgetIdentityOptions root, WidgetOptions widget) => NonBlank(widget.AppId) ?? SameVendor(root, widget, NonBlank(root.AppId));

    public static string? KeyId(WidgetIdentityOptions root, WidgetOptions widget) => NonBlank(widget.KeyId) ?? SameVendor(root, widget, NonBlank(root.KeyId));

    public static WidgetSigning? Signing(WidgetIdentityOptions root, WidgetOptions widget) => widget.Signing ?? SameVendor(root, widget, root.Signing);

    public static TimeSpan TokenLifetime(WidgetIdentityOptions root, WidgetOptions widget) =>
        widget.TokenLifetime ?? root.TokenLifetime ?? ResolvedWidget.DefaultTokenLifetime;

    /// <summary>A built-in vendor's own name for any of its aliases; an app's own vendor's name, case-insensitively.</summary>
    private static string CanonicalVendor(string name) => Dialects.VendorDialects.Find(name)?.Name ?? name.Trim().ToUpperInvariant();

    public static IncompleteUserHandling IncompleteUser(WidgetIdentityOptions root, WidgetOptions widget) =>
        widget.IncompleteUser ?? root.IncompleteUser ?? IncompleteUserHandling.FallbackName;

    public static string? FallbackName(WidgetIdentityOptions root, WidgetOptions widget) =>
        NonBlank(widget.FallbackName) ?? NonBlank(root.FallbackName);

    public static string? CookieDomain(WidgetIdentityOptions root, WidgetOptions widget) =>
        NonBlank(widget.CookieDomain) ?? NonBlank(root.CookieDomain);

    /// <summary>The dialect's session cookies, then the widget's configured ones (the root's where the widget names none).</summary>
    public static IReadOnlyList<string> SignOutCookies(WidgetIdentityOptions root, WidgetOptions widget, IEnumerable<string> dialectCookies)
    {
        var configured = widget.SignOutCookies is { Count: > 0 } own ? own : root.SignOutCookies;
        return [.. dialectCookies.Concat(configured.Select(name => name.Trim()).Where(name => name.Length > 0)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every configured secret, current and previous: the root's and each named widget's.</summary>
    public static IEnumerable<string> AllSecrets(WidgetIdentityOptions root)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var widget in root.Widgets.Values.Where(static widget => widget is not null).Prepend(root))
        {
            foreach (var secret in new[] { widget.Secret, widget.PreviousSecret })
            {
                if (NonBlank(secret) is { } value)
                {
                    secrets.Add(value);
                }
            }
        }

        return secrets;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
