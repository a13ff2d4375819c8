using System.Text.Json;

namespace WidgetIdentity.Testing;

/// <summary>
/// Turns what a vendor stand-in reported (<c>__identify</c> in <c>vendor-stand-ins.js</c>: target, what was signed, id,
/// signed value, signature, fields, custom attributes, token claims) into a <see cref="RenderedWidgetUser"/>.
/// </summary>
internal static class RecordedIdentity
{
    public static RenderedWidgetUser Read(JsonElement identity)
    {
        var target = identity.GetProperty("target").GetString()!;
        var signing = identity.GetProperty("signs").GetString() switch
        {
            "email" => WidgetUserSigning.EmailHash,
            "jwt" => WidgetUserSigning.Jwt,
            _ => WidgetUserSigning.UserIdHash,
        };
        var signature = Text(identity, "signature")
            ?? throw new FormatException($"The widget user data for {target} has no {Text(identity, "signatureField")}.");
        var id = Text(identity, "id");
        if (id is null && signing != WidgetUserSigning.EmailHash)
        {
            throw new FormatException($"The widget user data for {target} has no user id.");
        }

        return new RenderedWidgetUser(target, id ?? "", signature, Strings(identity.GetProperty("fields")))
        {
            Signing = signing,
            SignedValue = signing == WidgetUserSigning.EmailHash
                ? Text(identity, "signedValue") ?? throw new FormatException($"The widget user data for {target} has no email to sign.")
                : null,
            CustomAttributes = Elements(identity, "customAttributes"),
            TokenClaims = Elements(identity, "claims"),
            TokenKeyId = Text(identity, "keyId"),
            ResetsPreviousVisitor = identity.GetProperty("resetFirst").GetBoolean(),
        };
    }

    private static string? Text(JsonElement identity, string name) =>
        identity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Strings(JsonElement fields) =>
        fields.EnumerateObject().ToDictionary(field => field.Name, field => field.Value.GetString()!);

    private static Dictionary<string, JsonElement> Elements(JsonElement identity, string name) =>
        identity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone())
            : [];
}
