using System.Data.Common;

namespace WidgetIdentity.Guard;

/// <summary>
/// The password of a connection-string-like value (<c>Server=db;User Id=app;Password=...</c> or a URL with one), guarded on its own as
/// well as with the whole value: an error message or a log line often shows only part of a connection string.
/// </summary>
internal static class ConnectionStringPasswords
{
    private static readonly string[] PasswordKeywords = ["Password", "Pwd"];

    /// <summary>
    /// The value's <c>Password</c> or <c>Pwd</c> entries, or the password of a URL-style connection string
    /// (<c>redis://user:password@host</c>, <c>mongodb://…</c>), raw and percent-decoded; none for any other value.
    /// </summary>
    public static IEnumerable<string> Find(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            var password = uri.UserInfo[(colon + 1)..];
            return new[] { password, Uri.UnescapeDataString(password) }.Where(static p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        }

        if (!value.Contains('=', StringComparison.Ordinal))
        {
            return [];
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            return [];
        }

        return PasswordKeywords
            .Where(builder.ContainsKey)
            .Select(keyword => builder[keyword] as string)
            .OfType<string>()
            .Where(static password => password.Length > 0)
            .ToArray();
    }
}
