using Microsoft.IdentityModel.Tokens;

namespace WidgetIdentity.Signing;

/// <summary>The widget's secret as an HS256 signing key, and the start-up check that the JWT library accepts it.</summary>
internal static class JwtKeys
{
    public static SigningCredentials Credentials(byte[] secretKey) =>
        new(new SymmetricSecurityKey(secretKey), SecurityAlgorithms.HmacSha256);

    /// <summary>Whether the JWT library will sign with this key (it refuses HS256 keys shorter than its minimum).</summary>
    public static bool IsUsable(byte[] secretKey)
    {
        try
        {
            var credentials = Credentials(secretKey);
            var provider = credentials.Key.CryptoProviderFactory.CreateForSigning(credentials.Key, credentials.Algorithm);
            credentials.Key.CryptoProviderFactory.ReleaseSignatureProvider(provider);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // IDX10653 and kin: the key is too small for the algorithm
        }
    }
}
