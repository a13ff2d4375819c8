using WidgetIdentity.Rendering;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>A vendor that reads a global object assigned before its script loads (Ainisa's <c>window.ainisaUser</c>).</summary>
internal sealed class GlobalObjectDialect(string name, string? defaultScriptUrl, string globalObject) : VendorDialect(name, defaultScriptUrl)
{
    private const string IdField = "user_id";
    private const string HashField = "user_hash";

    public override string PreviewQuery { get; } =
        $"mode=global&object={Uri.EscapeDataString(globalObject["window.".Length..])}&id={IdField}&hash={HashField}";

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, string userHash)
    {
        script.Raw(globalObject).Raw(" = ").Object(
        [
            (IdField, user.Id),
            (HashField, userHash),
            ("firstname", user.FirstName),
            ("lastname", user.LastName),
            ("email", user.Email),
        ]).Raw(";");
    }
}
