using System.Globalization;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Guard;

/// <summary>Why a protected configuration value is not guarded.</summary>
internal enum UnguardedReason
{
    /// <summary>Shorter than <see cref="ProtectedValueRule.MinimumLength"/> characters.</summary>
    TooShort,

    /// <summary>A placeholder, by the rule widget secrets follow.</summary>
    Placeholder,

    /// <summary>A boolean, number, date, time span, URL without credentials, host name or sentence: text pages show anyway.</summary>
    OrdinaryValue,
}

/// <summary>
/// Decides whether a protected configuration value can be guarded safely: masking every occurrence of a short or an
/// ordinary value would mask ordinary text in pages (and make the mask itself reveal the value).
/// </summary>
internal static class ProtectedValueRule
{
    /// <summary>The same minimum as a widget secret's: shorter values occur in ordinary text too often.</summary>
    public const int MinimumLength = WidgetIdentityOptionsValidator.MinimumSecretLength;

    /// <summary>Why <paramref name="value"/> is not guarded, or <see langword="null"/> when it is.</summary>
    public static UnguardedReason? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < MinimumLength)
        {
            return UnguardedReason.TooShort;
        }

        if (PlaceholderSecrets.IsPlaceholder(value))
        {
            return UnguardedReason.Placeholder;
        }

        return IsOrdinary(value.Trim()) ? UnguardedReason.OrdinaryValue : null;
    }

    private static bool IsOrdinary(string value) =>
        bool.TryParse(value, out _)
        || double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _)
        || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)
        || IsPublicUrl(value)
        || IsHostName(value)
        || IsSentence(value);

    // An absolute URL with no user name, password, query or fragment and no token-length path segment: an endpoint's
    // address, not a credential (a webhook URL such as https://hooks.example.com/services/T0/B0/<key> is guarded).
    private static bool IsPublicUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && value.Contains("://", StringComparison.Ordinal)
        && uri.UserInfo.Length == 0
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.AbsolutePath.Split('/').All(static segment => segment.Length < MinimumLength);

    // A dotted DNS name whose last label is letters only (db.internal.example.com), as opposed to a dotted token.
    private static bool IsHostName(string value)
    {
        if (!value.Contains('.', StringComparison.Ordinal) || Uri.CheckHostName(value) != UriHostNameType.Dns)
        {
            return false;
        }

        var labels = value.TrimEnd('.').Split('.');
        return labels.All(static label => label.Length is > 0 and <= 63) && labels[^1].All(char.IsAsciiLetter);
    }

    // Words separated by spaces with no '=' (a display name or a message); a connection string has '='.
    private static bool IsSentence(string value) =>
        value.Any(char.IsWhiteSpace) && !value.Contains('=', StringComparison.Ordinal);
}
