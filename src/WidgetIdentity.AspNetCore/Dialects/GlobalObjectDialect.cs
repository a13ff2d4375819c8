using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// A vendor that reads a global object assigned before its script loads (Ainisa's <c>window.ainisaUser</c>). It takes
/// only the fields its documentation names, requires nothing beyond the id and hash, and documents no reset call.
/// </summary>
internal sealed class GlobalObjectDialect(string name, string? defaultScriptUrl, string globalObject) : VendorDialect(name, defaultScriptUrl)
{
    private const string IdField = "user_id";
    private const string HashField = "user_hash";

    public override string? PreviewQuery { get; } =
        $"mode=global&object={Uri.EscapeDataString(globalObject["window.".Length..])}&id={IdField}&hash={HashField}";

    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues) => user;

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        script.Raw(globalObject).Raw(" = ").Object(
        [
            (IdField, user.Id),
            (HashField, signer.IdHash),
            ("firstname", user.FirstName),
            ("lastname", user.LastName),
            ("email", user.Email),
        ]).Raw(";");
    }

    public override bool WriteReset(ScriptBuilder script) => false;
}
