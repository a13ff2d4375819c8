using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>Checks a JWT a vendor received as the vendor would: HS256 under the test secret, unexpired.</summary>
public static class ExpectedJwt
{
    /// <summary>
    /// Validates <paramref name="token"/> with <see cref="JsonWebTokenHandler"/> under <see cref="SampleSiteFactory.Secret"/>
    /// (its UTF-8 bytes), asserts the header (<c>alg</c> HS256, <c>kid</c> as given, none where <see langword="null"/>) and
    /// that <c>iat</c> is not in the future and <c>exp</c> is; returns the payload's other claims.
    /// </summary>
    public static async Task<JsonObject> VerifiedClaimsAsync(string token, string? keyId = null)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SampleSiteFactory.Secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });
        Assert.True(result.IsValid, $"The token does not validate: {result.Exception?.Message}");
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal(keyId, jwt.TryGetHeaderValue<string>("kid", out var kid) ? kid : null);
        var now = DateTime.UtcNow;
        Assert.True(jwt.IssuedAt <= now.AddSeconds(1), $"iat {jwt.IssuedAt:O} is in the future.");
        Assert.True(jwt.ValidTo > now, $"exp {jwt.ValidTo:O} has passed.");

        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload))!.AsObject();
        payload.Remove("iat");
        payload.Remove("exp");
        return payload;
    }
}
