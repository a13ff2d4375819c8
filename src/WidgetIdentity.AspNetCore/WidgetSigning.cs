namespace WidgetIdentity;

/// <summary>How a vendor that offers both checks the identity: an HMAC of the signed value, or a short-lived JWT.</summary>
public enum WidgetSigning
{
    /// <summary>HMAC-SHA256 of the signed value (the user id or email), lowercase hex.</summary>
    Hmac,

    /// <summary>A JWT signed with HS256 under the widget's secret, valid for <see cref="WidgetOptions.TokenLifetime"/>.</summary>
    Jwt,
}
