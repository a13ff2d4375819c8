using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Dialects;
using WidgetIdentity.Signing;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Signing;

public sealed class WidgetSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_jwt_verifies_with_the_library_under_the_widget_secret_and_carries_the_claims_header_iat_and_exp()
    {
        var widget = TestSigners.Widget(VendorDialects.Ainisa) with { TokenLifetime = TimeSpan.FromMinutes(5) };
        var signer = TestSigners.WithIdHash("unused", widget, new FakeTimeProvider(Now));

        var token = signer.Jwt(new Dictionary<string, object> { ["external_id"] = "42", ["scope"] = "user" }, keyId: "app_123");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestOptions.Secret)),
            LifetimeValidator = (_, _, _, _) => true, // the fake clock is not the validator's clock
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("app_123", jwt.Kid);
        Assert.Equal("42", jwt.GetClaim("external_id").Value);
        Assert.Equal("user", jwt.GetClaim("scope").Value);
        Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(Now.UtcDateTime.AddMinutes(5), jwt.ValidTo);
    }

    [Fact]
    public async Task A_jwt_made_under_another_secret_does_not_verify()
    {
        var token = TestSigners.WithIdHash("unused").Jwt(new Dictionary<string, object> { ["user_id"] = "1" });

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("TEST-ONLY-another-secret-0123456789")),
        });

        Assert.False(result.IsValid);
    }

    [Fact]
    public void An_hmac_is_the_shared_vector_algorithm_over_the_value_given()
    {
        // Row "ascii email" style check: HMAC-SHA256(key = UTF-8 secret, message = UTF-8 value), lowercase hex.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(TestOptions.Secret), Encoding.UTF8.GetBytes("jane@example.com")));

        Assert.Equal(expected, TestSigners.WithIdHash("unused", TestSigners.Widget(VendorDialects.Ainisa)).Hmac("jane@example.com"));
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(31, false)]
    [InlineData(32, true)]
    public void The_JWT_library_accepts_an_HS256_key_only_from_256_bits(int bytes, bool usable)
    {
        Assert.Equal(usable, JwtKeys.IsUsable(new byte[bytes]));
    }
}
