using System.Data.Common;

namespace WidgetIdentity.Guard;

/// <summary>
/// The password of a connection-string-like value (<c>Server=db;User Id=app;Password=...</c>), guarded on its own as
/// well as with the whole value: an error message or a log line often shows only part of a connection string.
/// </summary>
internal static class ConnectionStringPasswords
{
    private static readonly string[] PasswordKeywords = ["Password", "Pwd"];

    /// <summary>The value's <c>Password</c> or <c>Pwd</c> entries, none when it is not a connection string.</summary>
    public static IEnumerable<string> Find(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('=', StringComparison.Ordinal) || !value.Contains(';', StringComparison.Ordinal))
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
