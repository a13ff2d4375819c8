using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Configuration;
using WidgetIdentity.Signing;

namespace WidgetIdentity.Preview;

/// <summary>
/// Checks a JWT as the vendor would: HS256 under the widget's secret (its UTF-8 bytes), an <c>exp</c> that has not passed
/// by the app's <see cref="TimeProvider"/>, and, where the widget has a <c>KeyId</c>, that id in the header's <c>kid</c>.
/// Only the verdict leaves this class.
/// </summary>
internal static class PreviewJwt
{
    public static async Task<bool> VerifyAsync(ResolvedWidget widget, string token, TimeProvider time)
    {
        TokenValidationResult result;
        try
        {
            result = await WidgetSigner.Handler.ValidateTokenAsync(token, new TokenValidationParameters
            {
                IssuerSigningKey = JwtKeys.Credentials(widget.SecretKey, widget.KeyId).Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = false,
                ValidateAudience = false,
                ValidateLifetime = false, // checked below against the app's clock
                TryAllIssuerSigningKeys = true,
            });
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || !jwt.TryGetPayloadValue<long>("exp", out _))
        {
            return false;
        }

        if (widget.KeyId is not null && !(jwt.TryGetHeaderValue<string>("kid", out var kid) && string.Equals(kid, widget.KeyId, StringComparison.Ordinal)))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return jwt.ValidTo > now && (jwt.ValidFrom == DateTime.MinValue || jwt.ValidFrom <= now);
    }
}
