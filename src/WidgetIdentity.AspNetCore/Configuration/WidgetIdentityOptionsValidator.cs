using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WidgetIdentity.Dialects;
using WidgetIdentity.Signing;
using WidgetIdentity.Vendors;

namespace WidgetIdentity.Configuration;

/// <summary>
/// Checks the configuration at start-up. Each message names the configuration key and how to set it, and never
/// contains a secret's value.
/// </summary>
/// <param name="environment">The host's environment; preview mode is refused outside Development. Absent outside a host.</param>
/// <param name="vendors">The vendors a widget may name, the app's own included. Built-in ones only outside a host.</param>
internal sealed class WidgetIdentityOptionsValidator(IHostEnvironment? environment = null, VendorRegistry? vendors = null) : IValidateOptions<WidgetIdentityOptions>
{
    private readonly VendorRegistry _vendors = vendors ?? VendorRegistry.BuiltIn;

    public const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, WidgetIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        ValidateWidget(options, null, options, failures);
        ValidatePreviewEnvironment(options, failures);
        foreach (var (widgetName, widget) in options.Widgets)
        {
            if (widget is null)
            {
                failures.Add($"{WidgetSettings.KeyPrefix(widgetName)} is empty. Give the named widget at least a Vendor or a Secret, or remove it.");
                continue;
            }

            ValidateWidget(options, widgetName, widget, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateWidget(WidgetIdentityOptions root, string? widgetName, WidgetOptions widget, List<string> failures)
    {
        var prefix = WidgetSettings.KeyPrefix(widgetName);

        if (widgetName is null || !string.IsNullOrWhiteSpace(widget.Secret))
        {
            ValidateSecret(prefix, WidgetSettings.Secret(root, widget), failures);
        }

        if (!string.IsNullOrWhiteSpace(widget.PreviousSecret))
        {
            ValidatePreviousSecret(prefix, widget.PreviousSecret, failures);
        }

        var vendor = WidgetSettings.Vendor(root, widget);
        var dialect = _vendors.Find(vendor);
        if (dialect is null)
        {
            failures.Add($"{prefix}:Vendor is not a supported vendor. Use one of: {_vendors.SupportedNames}.");
        }
        else
        {
            ValidateVendorSettings(root, widget, prefix, dialect, failures);
        }

        if (widget.CookieDomain is { Length: > 0 } cookieDomain && !IsValidCookieDomain(cookieDomain))
        {
            failures.Add($"{prefix}:CookieDomain must be a domain name such as .example.com: the parent domain the vendor's script sets its cookies on.");
        }

        var scriptUrl = WidgetSettings.ScriptUrl(root, widget, dialect?.DefaultScriptUrl);
        if (scriptUrl is not null && !WidgetSettings.Preview(root, widget) && !IsValidScriptUrl(scriptUrl))
        {
            failures.Add($"{prefix}:ScriptUrl must be an absolute http:// or https:// URL, or a path on this site starting with '/'.");
        }
    }

    private static void ValidateVendorSettings(WidgetIdentityOptions root, WidgetOptions widget, string prefix, VendorDialect dialect, List<string> failures)
    {
        var signing = WidgetSettings.Signing(root, widget);
        dialect.Validate(new VendorSettings(prefix, WidgetSettings.AppId(root, widget), WidgetSettings.KeyId(root, widget), signing), failures);

        if (WidgetSettings.TokenLifetime(root, widget) is var lifetime && (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(1)))
        {
            failures.Add($"{prefix}:TokenLifetime must be more than zero and at most a day (for example \"00:10:00\"): the JWT a page carries is meant to be short-lived.");
        }

        if (dialect.SignsJwt(signing) && WidgetSettings.Secret(root, widget) is { } secret && !JwtKeys.IsUsable(System.Text.Encoding.UTF8.GetBytes(secret)))
        {
            failures.Add($"{prefix}:Secret is too short to sign the HS256 JWT {dialect.Name} verifies: the JWT library needs a key of at least 256 bits "
                + "(32 bytes of UTF-8). Use the full secret from the vendor's identity verification settings.");
        }

        if (WidgetSettings.Preview(root, widget) && dialect.PreviewQuery is null)
        {
            failures.Add($"{prefix}: the preview widget cannot stand in for {dialect.Name} yet. Turn Preview off for this widget to load the vendor's own script.");
        }
    }

    private void ValidatePreviewEnvironment(WidgetIdentityOptions options, List<string> failures)
    {
        if (options.AllowPreviewOutsideDevelopment || environment?.IsDevelopment() == true || !WidgetSettings.AnyPreview(options))
        {
            return;
        }

        var environmentName = environment?.EnvironmentName ?? "(no host environment)";
        failures.Add($"{WidgetIdentityOptions.SectionName}: preview mode (\"Preview\": true or \"Vendor\": \"Preview\") is on in the {environmentName} environment. "
            + "The preview widget and its verify endpoint are for development: turn preview off and set the real Vendor, "
            + $"or opt in explicitly: {WidgetSettings.HowToSet(WidgetIdentityOptions.SectionName, nameof(WidgetIdentityOptions.AllowPreviewOutsideDevelopment), "true")}");
    }

    private static void ValidateSecret(string prefix, string? secret, List<string> failures)
    {
        var key = $"{prefix}:Secret";
        // A template app has no UserSecretsId until `dotnet user-secrets init`: `set` alone fails there.
        var howToSet = $"In development, run in the project's folder `dotnet user-secrets init` (once per project), then "
            + $"`dotnet user-secrets set \"{key}\" \"<the key from your widget vendor>\"`. In production, set the environment variable "
            + $"{key.Replace(":", "__", StringComparison.Ordinal)} (or use any other configuration provider); never put it in a committed appsettings file.";

        if (string.IsNullOrWhiteSpace(secret))
        {
            failures.Add($"{key} is not set. {howToSet}");
        }
        else if (secret.Length < MinimumSecretLength)
        {
            failures.Add($"{key} is shorter than {MinimumSecretLength} characters, which is not a real widget secret. {howToSet}");
        }
        else if (PlaceholderSecrets.IsPlaceholder(secret))
        {
            failures.Add($"{key} is a placeholder copied from documentation, not your widget's secret key. {howToSet}");
        }
    }

    // The guard masks every occurrence of a previous secret: a short or placeholder one would mask ordinary text.
    private static void ValidatePreviousSecret(string prefix, string previous, List<string> failures)
    {
        var key = $"{prefix}:{nameof(WidgetOptions.PreviousSecret)}";
        if (previous.Length < MinimumSecretLength || PlaceholderSecrets.IsPlaceholder(previous))
        {
            failures.Add($"{key} is shorter than {MinimumSecretLength} characters or a placeholder, so it is not a widget secret the guard can keep "
                + "out of responses. Set it to the full secret the vendor issued before the current one, or remove it once the vendor has switched over.");
        }
    }

    private static bool IsValidCookieDomain(string domain)
    {
        var host = domain.StartsWith('.') ? domain[1..] : domain;
        return Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    private static bool IsValidScriptUrl(string url)
    {
        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
                && Uri.IsWellFormedUriString(url, UriKind.Relative);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && Uri.IsWellFormedUriString(url, UriKind.Absolute);
    }
}
