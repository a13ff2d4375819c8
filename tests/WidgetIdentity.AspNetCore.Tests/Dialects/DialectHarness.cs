using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>Runs a dialect as the renderer does (conform, then write with a signer for the widget) and reads back what it wrote.</summary>
internal static class DialectHarness
{
    /// <summary>The fake clock's time: every token's <c>iat</c>.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under <paramref name="secret"/>, computed here, not by the package.</summary>
    public static string Hmac(string value, string secret = TestOptions.Secret) => DialectRun.Hmac(secret, value);

    public static (WidgetUser? Written, string Issues) Conform(WidgetUser user, ResolvedWidget widget) => DialectRun.Conform(user, widget);

    /// <summary>The script for <paramref name="user"/> after the dialect's rules, signed under the widget's secret with the id's hash computed here (as the vendor would), not by the package.</summary>
    public static string Write(WidgetUser user, ResolvedWidget widget, bool resetFirst = false)
    {
        var written = Conform(user, widget).Written ?? throw new InvalidOperationException("the dialect left the identity out");
        var text = new StringBuilder();
        var signer = new WidgetSigner(widget, DialectRun.Hmac(Encoding.UTF8.GetString(widget.SecretKey), written.Id), new FakeTimeProvider(Now));
        widget.Dialect.WriteUserData(new ScriptBuilder(text), written, signer, resetFirst);
        return text.ToString();
    }

    public static string Reset(VendorDialect dialect)
    {
        var text = new StringBuilder();
        Assert.True(dialect.WriteReset(new ScriptBuilder(text)));
        return text.ToString();
    }

    /// <summary>The one JWT in <paramref name="script"/>, and the script with it replaced by <c>JWT</c>.</summary>
    public static (string Token, string Script) TakeJwt(string script)
    {
        var match = Assert.Single(DialectRun.Jwt().Matches(script));
        return (match.Value, script.Replace(match.Value, "JWT", StringComparison.Ordinal));
    }

    /// <summary>The token, verified by the JWT library under the test secret (HS256 only); lifetime checked against the fake clock.</summary>
    public static async Task<JsonWebToken> Verify(string token, TimeSpan lifetime)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestOptions.Secret)),
            LifetimeValidator = (notBefore, expires, _, _) => expires == Now.UtcDateTime + lifetime,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(Now.UtcDateTime + lifetime, jwt.ValidTo);
        return jwt;
    }

    /// <summary>The payload's claim names, for checking that nothing undocumented is sent.</summary>
    public static string[] ClaimNames(JsonWebToken jwt) => [.. jwt.Claims.Select(claim => claim.Type).Distinct().Order(StringComparer.Ordinal)];
}
