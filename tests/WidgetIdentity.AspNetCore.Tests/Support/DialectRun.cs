using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Support;

/// <summary>What every dialect test needs: the dialect's rules run as the renderer runs them, and values computed here, not by the package.</summary>
internal static partial class DialectRun
{
    /// <summary>HMAC-SHA256 of <paramref name="value"/> under <paramref name="secret"/>, lowercase hex.</summary>
    public static string Hmac(string secret, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(value)));

    /// <summary>The user as the widget's dialect accepts it (or <see langword="null"/>), and the issues it reported.</summary>
    public static (WidgetUser? Written, string Issues) Conform(WidgetUser user, ResolvedWidget widget)
    {
        var issues = new UserDataIssues(widget.KeyPrefix);
        return (widget.Dialect.Conform(user, widget, issues), issues.ToString());
    }

    /// <summary>A compact JWT (three base64url parts, the header starting <c>{"</c>) in a script.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    public static partial Regex Jwt();
}
