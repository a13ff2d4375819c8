using WidgetIdentity.Rendering;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// A Chatwoot-style vendor: once its SDK dispatches a ready event, <c>setUser(id, {name, email, identifier_hash})</c>
/// is called on its global object.
/// </summary>
internal sealed class ReadyEventDialect(string name, string readyEvent, string sdkObject) : VendorDialect(name, defaultScriptUrl: null)
{
    private const string HashField = "identifier_hash";

    public override string PreviewQuery { get; } =
        $"mode=ready&event={Uri.EscapeDataString(readyEvent)}&sdk={Uri.EscapeDataString(sdkObject["window.".Length..])}&hash={HashField}";

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, string userHash)
    {
        script.Raw("window.addEventListener(").String(readyEvent).Raw(", function () {\n  ")
            .Raw(sdkObject).Raw(".setUser(").String(user.Id).Raw(", ").Object(
            [
                ("name", user.DisplayName),
                ("email", user.Email),
                (HashField, userHash),
            ]).Raw(");\n});");
    }
}
