using System.Text.Json;
using WidgetIdentity.Hashing;

namespace WidgetIdentity.Testing;

/// <summary>The user data a page hands a chat widget, as the vendor's script will read it.</summary>
/// <param name="Target">
/// Where the vendor reads it: a global object (<c>window.ainisaUser</c>, <c>window.intercomSettings</c>), a ready event
/// (<c>chatbot:ready</c>), a queue (<c>$crisp</c>) or a call (<c>Beacon("identify")</c>, <c>zE("messenger", "loginUser")</c>, ...).
/// </param>
/// <param name="UserId">
/// The user id the vendor is given: the signed id, or for a JWT the token's id claim (<c>user_id</c>, <c>external_id</c>,
/// <c>userId</c>). Empty (never <see langword="null"/>) for the vendors that sign the email and are given no id (Crisp, Help Scout, Plain).
/// </param>
/// <param name="UserHash">The signature sent with it: the HMAC (<c>user_hash</c>, <c>identifier_hash</c>, <c>signature</c>, <c>emailHash</c>, ...) or the JWT.</param>
/// <param name="Fields">Every other text field given beside the signature, by the vendor's field name (for a JWT vendor, those outside the token).</param>
public sealed record RenderedWidgetUser(string Target, string UserId, string UserHash, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The custom attributes the vendor is given (Chatwoot-style <c>setCustomAttributes</c>, Crisp's <c>session:data</c>, a JWT's custom claims, ...), by name; empty when none.</summary>
    public IReadOnlyDictionary<string, JsonElement> CustomAttributes { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Whether the widget is first told to forget the previous visitor (another user was identified on this browser before).</summary>
    public bool ResetsPreviousVisitor { get; init; }

    /// <summary>What was signed: the user id (the default), the email, or a JWT.</summary>
    public WidgetUserSigning Signing { get; init; }

    /// <summary>
    /// The value the HMAC covers: the user id for <see cref="WidgetUserSigning.UserIdHash"/>, the email for
    /// <see cref="WidgetUserSigning.EmailHash"/>; <see langword="null"/> for a <see cref="WidgetUserSigning.Jwt"/>, which signs its own claims.
    /// </summary>
    public string? SignedValue
    {
        get => field ?? (Signing == WidgetUserSigning.UserIdHash ? UserId : null);
        init;
    }

    /// <summary>The JWT the vendor is given (the same text as <see cref="UserHash"/>), or <see langword="null"/> when an HMAC was sent.</summary>
    public string? Token => Signing == WidgetUserSigning.Jwt ? UserHash : null;

    /// <summary>The claims of <see cref="Token"/>'s payload as the vendor reads them (whether or not it verifies), by name; empty for an HMAC.</summary>
    public IReadOnlyDictionary<string, JsonElement> TokenClaims { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The <c>kid</c> header of <see cref="Token"/> (Zendesk's key id), or <see langword="null"/>.</summary>
    public string? TokenKeyId { get; init; }

    /// <summary>
    /// Whether the signature verifies under <paramref name="secret"/>: the HMAC of <see cref="SignedValue"/>, or for a JWT an
    /// HS256 signature under the secret's UTF-8 bytes with an <c>exp</c> that has not passed.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Signing == WidgetUserSigning.Jwt
            ? WidgetTokenCheck.IsValid(UserHash, secret)
            : SignedValue is { } value && WidgetIdentityHash.Verify(secret, value, UserHash);
    }
}
