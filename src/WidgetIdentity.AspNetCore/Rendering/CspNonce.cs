using System.Buffers;

namespace WidgetIdentity.Rendering;

/// <summary>Checks a Content-Security-Policy nonce against the CSP grammar: base64 or base64url characters, then up to two '='.</summary>
internal static class CspNonce
{
    private static readonly SearchValues<char> Base64Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_");

    public static bool IsValid(string nonce)
    {
        var body = nonce.AsSpan().TrimEnd('=');
        return body.Length > 0
            && nonce.Length - body.Length <= 2
            && !body.ContainsAnyExcept(Base64Characters);
    }
}
