using Microsoft.IdentityModel.Tokens;

namespace WidgetIdentity.Signing;

/// <summary>The widget's secret as an HS256 signing key, and the start-up check that the JWT library accepts it.</summary>
internal static class JwtKeys
{
    public static SigningCredentials Credentials(byte[] secretKey, string? keyId = null) =>
        new(new SymmetricSecurityKey(secretKey) { KeyId = keyId }, SecurityAlgorithms.HmacSha256);

    /// <summary>Whether the JWT library signs with this key: it refuses HS256 keys shorter than its minimum, but only when signing.</summary>
    public static bool IsUsable(byte[] secretKey)
    {
        try
        {
            WidgetSigner.Handler.CreateToken(new SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object> { ["check"] = true },
                SigningCredentials = Credentials(secretKey),
            });
            return true;
        }
        catch (ArgumentException)
        {
            return false; // IDX10720: the key is smaller than the algorithm's minimum
        }
    }
}
