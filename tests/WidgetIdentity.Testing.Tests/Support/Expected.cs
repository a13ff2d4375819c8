using System.Security.Cryptography;
using System.Text;

namespace WidgetIdentity.Testing.Tests.Support;

/// <summary>Expected signatures computed here, independently of the package.</summary>
internal static class Expected
{
    /// <summary>HMAC-SHA256 of <paramref name="value"/> keyed with the UTF-8 bytes of <paramref name="secret"/>, lowercase hex.</summary>
    public static string Hmac(string secret, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(value)));

    /// <summary>Settings for the vendor and, where it offers a choice, the signing.</summary>
    public static Dictionary<string, string?> With(string? signing) =>
        signing is null ? [] : new() { ["WidgetIdentity:Signing"] = signing };
}
