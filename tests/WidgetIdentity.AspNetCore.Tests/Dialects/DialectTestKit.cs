using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>What the tests of the FrontChat, Gleap and Featurebase dialects share: conform then write, the reset, and the checks
/// of a hash or token made here, independently of the package.</summary>
internal static class DialectTestKit
{
    public static ResolvedWidget Widget(VendorDialect dialect, string? appId = null, string? name = null, string secret = TestOptions.Secret) =>
        TestSigners.Widget(dialect, name) with { AppId = appId, SecretKey = Encoding.UTF8.GetBytes(secret) };

    /// <summary>The configuration of a root widget of <paramref name="vendor"/> under the test secret, with more keys under <c>WidgetIdentity:</c>.</summary>
    public static Dictionary<string, string?> Settings(string vendor, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret, ["WidgetIdentity:Vendor"] = vendor };
        foreach (var (key, value) in more)
        {
            settings[$"WidgetIdentity:{key}"] = value;
        }

        return settings;
    }

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under <paramref name="secret"/>, lowercase hex, computed by the test.</summary>
    public static string Hmac(string secret, string value) => DialectRun.Hmac(secret, value);

    public static (WidgetUser? Written, string Issues) Conform(WidgetUser user, ResolvedWidget widget) => DialectRun.Conform(user, widget);

    /// <summary>The script for <paramref name="user"/> as the renderer writes it: conformed, then written with the id's hash made here.</summary>
    public static string Render(WidgetUser user, ResolvedWidget widget, bool resetFirst = false, TimeProvider? time = null, string? secret = null)
    {
        var conformed = Conform(user, widget).Written ?? throw new InvalidOperationException("the user was left out");
        var text = new StringBuilder();
        var signer = TestSigners.WithIdHash(Hmac(secret ?? TestOptions.Secret, user.Id), widget, time);
        widget.Dialect.WriteUserData(new ScriptBuilder(text), conformed, signer, resetFirst);
        return text.ToString();
    }

    public static (bool Written, string Script) Reset(VendorDialect dialect)
    {
        var text = new StringBuilder();
        var written = dialect.WriteReset(new ScriptBuilder(text));
        return (written, text.ToString());
    }

    /// <summary>The JWT the script carries, validated by the library under the test secret (the lifetime is checked by the caller).</summary>
    public static async Task<JsonWebToken> ValidatedJwt(string script, string secret = TestOptions.Secret)
    {
        var token = DialectRun.Jwt().Match(script);
        Assert.True(token.Success, "the script carries no JWT");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Value, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (_, _, _, _) => true, // the fake clock is not the validator's clock: iat and exp are asserted
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    /// <summary>The script with its JWT replaced by <c>JWT</c>, to compare the rest of it literally.</summary>
    public static string WithoutJwt(string script) => DialectRun.Jwt().Replace(script, "JWT");
}
