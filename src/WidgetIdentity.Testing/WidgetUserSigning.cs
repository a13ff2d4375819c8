namespace WidgetIdentity.Testing;

/// <summary>What a page signed for the vendor to verify, and so what <see cref="RenderedWidgetUser.IsSignedWith(string)"/> checks.</summary>
public enum WidgetUserSigning
{
    /// <summary>An HMAC-SHA256 of the user id, lowercase hex (Ainisa, the Chatwoot family, Intercom, Front Chat, Gleap, Chatbase's user hash).</summary>
    UserIdHash,

    /// <summary>An HMAC-SHA256 of the email, lowercase hex (Crisp, Help Scout, Plain).</summary>
    EmailHash,

    /// <summary>An HS256 JWT carrying the user's claims (Zendesk, Featurebase, Chatbase, Intercom with <c>"Signing": "Jwt"</c>).</summary>
    Jwt,
}
