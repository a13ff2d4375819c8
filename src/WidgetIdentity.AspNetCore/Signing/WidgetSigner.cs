using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Configuration;
using WidgetIdentity.Hashing;

namespace WidgetIdentity.Signing;

/// <summary>
/// Signs what a vendor checks, under one widget's secret: an HMAC-SHA256 of a value (the user id or email), or a short-lived
/// HS256 JWT with the vendor's claims. A dialect asks for what its vendor verifies; it never sees the secret.
/// </summary>
internal sealed class WidgetSigner
{
    internal static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly ResolvedWidget _widget;
    private readonly TimeProvider _time;

    public WidgetSigner(ResolvedWidget widget, string idHash, TimeProvider time)
    {
        _widget = widget;
        IdHash = idHash;
        _time = time;
    }

    /// <summary>The widget's app id, for the vendors whose call names the workspace (Intercom's <c>app_id</c>, Front's <c>chatId</c>, Featurebase's <c>appId</c>).</summary>
    internal string? AppId => _widget.AppId;

    /// <summary>The widget's JWT key id, for the vendors that put it in the token's <c>kid</c> header (Zendesk).</summary>
    internal string? KeyId => _widget.KeyId;

    /// <summary>The widget's signing choice, for the vendors that offer an HMAC and a JWT.</summary>
    internal WidgetSigning? Signing => _widget.Signing;

    /// <summary>The HMAC of the user id, already computed for the page.</summary>
    public string IdHash { get; }

    /// <summary>HMAC-SHA256 of <paramref name="value"/> under the widget's secret, lowercase hex.</summary>
    public string Hmac(string value) => WidgetIdentityHash.Compute(_widget.SecretKey, value);

    /// <summary>
    /// An HS256 JWT with <paramref name="claims"/>, <c>iat</c> now and <c>exp</c> the widget's token lifetime from now (from
    /// the app's <see cref="TimeProvider"/>); <paramref name="keyId"/>, where the vendor asks for one, goes in the header's <c>kid</c>.
    /// </summary>
    public string Jwt(IDictionary<string, object> claims, string? keyId = null)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now,
            Expires = now + _widget.TokenLifetime,
            SigningCredentials = JwtKeys.Credentials(_widget.SecretKey, keyId),
        });
    }
}
