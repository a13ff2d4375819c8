using System.Text;
using Microsoft.Extensions.Options;
using WidgetIdentity.Vendors;

namespace WidgetIdentity.Configuration;

/// <summary>
/// The configured widgets, resolved once per options instance (so a reloaded configuration takes effect) and
/// looked up by name at render time.
/// </summary>
internal sealed class WidgetCatalog(IOptionsMonitor<WidgetIdentityOptions> options, VendorRegistry? vendors = null)
{
    private readonly VendorRegistry _vendors = vendors ?? VendorRegistry.BuiltIn;

    private volatile Snapshot? _snapshot;

    /// <summary>The widget named <paramref name="name"/>, the root widget for <see langword="null"/>, or <see langword="null"/> when not configured.</summary>
    public ResolvedWidget? Find(string? name)
    {
        var snapshot = Current();
        if (string.IsNullOrEmpty(name))
        {
            return snapshot.Root;
        }

        return snapshot.Named.GetValueOrDefault(name);
    }

    /// <summary>The root widget and every named one.</summary>
    public IEnumerable<ResolvedWidget> All() => Current().All;

    private Snapshot Current()
    {
        var current = options.CurrentValue;
        var snapshot = _snapshot;
        if (snapshot is null || !ReferenceEquals(snapshot.Options, current))
        {
            _snapshot = snapshot = new Snapshot(current, _vendors);
        }

        return snapshot;
    }

    private sealed class Snapshot
    {
        public Snapshot(WidgetIdentityOptions options, VendorRegistry vendors)
        {
            Options = options;
            Root = Resolve(options, null, options, vendors);
            Named = options.Widgets.ToDictionary(
                pair => pair.Key,
                pair => Resolve(options, pair.Key, pair.Value, vendors),
                StringComparer.OrdinalIgnoreCase);
        }

        public WidgetIdentityOptions Options { get; }

        public ResolvedWidget Root { get; }

        public Dictionary<string, ResolvedWidget> Named { get; }

        /// <summary>The root widget and every named one.</summary>
        public IEnumerable<ResolvedWidget> All => Named.Values.Prepend(Root);

        // Options are validated at start-up, so a missing secret or vendor here means validation was bypassed.
        private static ResolvedWidget Resolve(WidgetIdentityOptions root, string? name, WidgetOptions widget, VendorRegistry vendors)
        {
            var secret = WidgetSettings.Secret(root, widget)
                ?? throw new InvalidOperationException($"{WidgetSettings.KeyPrefix(name)}:Secret is not set.");
            var dialect = vendors.Find(WidgetSettings.Vendor(root, widget))
                ?? throw new InvalidOperationException($"{WidgetSettings.KeyPrefix(name)}:Vendor is not a supported vendor.");
            return new ResolvedWidget(
                name,
                Encoding.UTF8.GetBytes(secret),
                dialect,
                WidgetSettings.ScriptUrl(root, widget, dialect.DefaultScriptUrl),
                WidgetSettings.Claims(root, widget),
                WidgetSettings.Preview(root, widget))
            {
                IncompleteUser = WidgetSettings.IncompleteUser(root, widget),
                FallbackName = WidgetSettings.FallbackName(root, widget) ?? ResolvedWidget.DefaultFallbackName,
                CookieDomain = WidgetSettings.CookieDomain(root, widget),
                AppId = WidgetSettings.AppId(root, widget),
                KeyId = WidgetSettings.KeyId(root, widget),
                Signing = WidgetSettings.Signing(root, widget),
                TokenLifetime = WidgetSettings.TokenLifetime(root, widget),
                SignOutCookies = WidgetSettings.SignOutCookies(root, widget, dialect.SessionCookies),
            };
        }
    }
}
