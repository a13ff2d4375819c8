using System.Security.Cryptography;
using System.Text;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>What the vendor should receive, computed here independently of the package.</summary>
public static class Expected
{
    /// <summary>HMAC-SHA256 of the UTF-8 bytes of <paramref name="value"/>, keyed with the test secret, as lowercase hex.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SampleSiteFactory.Secret), Encoding.UTF8.GetBytes(value)));

    /// <summary>The signature of an email, for the vendors that sign the email: HMAC-SHA256 of its UTF-8 bytes, as lowercase hex.</summary>
    public static string EmailHash(string email) => Hash(email);

    /// <summary>
    /// The string as the page can hold it: lone surrogates become U+FFFD, exactly as UTF-8 encoding (and so the
    /// vendor's hash check) sees them. Every other code unit is kept.
    /// </summary>
    public static string WellFormed(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
}
