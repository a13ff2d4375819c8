namespace WidgetIdentity.Configuration;

/// <summary>Recognises secrets copied from vendor documentation or templates instead of a real key.</summary>
internal static class PlaceholderSecrets
{
    private static readonly HashSet<string> KnownPlaceholders = new(StringComparer.Ordinal)
    {
        "yoursecretkeyhere", "yoursecretkey", "yoursecret", "yoursecrethere", "yourkeyhere", "yourkey",
        "secretkeyhere", "secretkey", "secret", "yourwidgetsecret", "yourhmacsecret", "youridentitysecret",
        "youridentityverificationsecret", "yourapisecret", "hmacsecret", "insertsecrethere", "insertyoursecrethere",
        "putyoursecrethere", "changeme", "replaceme", "placeholder", "example", "examplesecret", "mysecret", "mysecretkey",
    };

    private static readonly string[] PlaceholderWords = ["changeme", "replaceme", "placeholder", "secrethere", "keyhere", "yoursecret", "yourkey"];

    public static bool IsPlaceholder(string secret)
    {
        var trimmed = secret.Trim();
        if ((trimmed.StartsWith('<') && trimmed.EndsWith('>')) || trimmed.StartsWith("{{", StringComparison.Ordinal))
        {
            return true;
        }

        var normalized = new string(trimmed.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return KnownPlaceholders.Contains(normalized)
            || PlaceholderWords.Any(word => normalized.Contains(word, StringComparison.Ordinal))
            || trimmed.Distinct().Count() <= 2;
    }
}
