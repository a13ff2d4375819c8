using WidgetIdentity.Rendering;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>A vendor that reads a global object assigned before its script loads (Ainisa's <c>window.ainisaUser</c>).</summary>
internal sealed class GlobalObjectDialect(string name, string? defaultScriptUrl, string globalObject) : VendorDialect(name, defaultScriptUrl)
{
    public override void WriteUserData(ScriptBuilder script, WidgetUser user, string userHash)
    {
        script.Raw(globalObject).Raw(" = ").Object(
        [
            ("user_id", user.Id),
            ("user_hash", userHash),
            ("firstname", user.FirstName),
            ("lastname", user.LastName),
            ("email", user.Email),
        ]).Raw(";");
    }
}
