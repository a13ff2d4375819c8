using System.Text.Json;
using WidgetIdentity.Hashing;

namespace WidgetIdentity.Testing;

/// <summary>The user data a page hands a chat widget, as the vendor's script will read it.</summary>
/// <param name="Target">Where the vendor reads it: the global object (<c>window.ainisaUser</c>) or the ready event (<c>chatbot:ready</c>).</param>
/// <param name="UserId">The signed user id.</param>
/// <param name="UserHash">The hash sent with it (<c>user_hash</c> or <c>identifier_hash</c>).</param>
/// <param name="Fields">Every other field, by the vendor's field name.</param>
public sealed record RenderedWidgetUser(string Target, string UserId, string UserHash, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The custom attributes set after the user (Chatwoot-style <c>setCustomAttributes</c>), by name; empty when none.</summary>
    public IReadOnlyDictionary<string, JsonElement> CustomAttributes { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Whether the widget is first told to forget the previous visitor (another user was identified on this browser before).</summary>
    public bool ResetsPreviousVisitor { get; init; }

    /// <summary>Whether <see cref="UserHash"/> is the identity hash of <see cref="UserId"/> under <paramref name="secret"/>.</summary>
    public bool IsSignedWith(string secret) => WidgetIdentityHash.Verify(secret, UserId, UserHash);
}
