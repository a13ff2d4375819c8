using System.Text.RegularExpressions;

namespace WidgetIdentity.Dialects;

/// <summary>
/// The field formats vendors enforce. A value that breaks one is left out (with a reason for the warning), never
/// written: a vendor that rejects one field rejects the whole identity.
/// </summary>
internal static partial class UserFieldRules
{
    /// <summary>An absolute <c>http</c> or <c>https</c> URL; anything else (relative, <c>javascript:</c>, <c>data:</c>) is refused.</summary>
    public static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
        && Uri.IsWellFormedUriString(value, UriKind.Absolute);

    /// <summary>
    /// The number in E.164 form (<c>+</c>, a non-zero digit, at most 15 digits), after removing the spaces, dashes, dots
    /// and parentheses people write between digits; <see langword="null"/> when it is not a full international number.
    /// </summary>
    public static string? E164PhoneNumber(string value)
    {
        var compact = Separators().Replace(value.Trim(), "");
        return E164().IsMatch(compact) ? compact : null;
    }

    /// <summary>The two-letter country code in upper case, or <see langword="null"/> when it is not two ASCII letters.</summary>
    public static string? CountryCode(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 2 && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1])
            ? trimmed.ToUpperInvariant()
            : null;
    }

    /// <summary>An email address as Chatwoot's contact model accepts it: one <c>@</c>, text on both sides, no white space.</summary>
    public static bool IsEmail(string value) => Email().IsMatch(value);

    [GeneratedRegex(@"[\s\-.()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\A\+[1-9][0-9]{1,14}\z")]
    private static partial Regex E164();

    [GeneratedRegex(@"\A[^@\s]+@[^@\s]+\z")]
    private static partial Regex Email();
}
