using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WidgetIdentity.Testing;

/// <summary>Validates a widget JWT as the vendor does: HS256 under the secret's UTF-8 bytes, with an <c>exp</c> that has not passed.</summary>
internal static class WidgetTokenCheck
{
    private static readonly JsonWebTokenHandler Handler = new();

    public static bool IsValid(string token, string secret)
    {
        if (secret.Length == 0)
        {
            return false; // no key to verify with
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        };

        // The handler completes synchronously for a symmetric key; a token it cannot read or verify is invalid, never an exception.
        return Handler.ValidateTokenAsync(token, parameters).GetAwaiter().GetResult().IsValid;
    }
}
