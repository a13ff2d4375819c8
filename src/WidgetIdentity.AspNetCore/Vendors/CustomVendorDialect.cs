using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Vendors;

/// <summary>An app's own <see cref="WidgetVendor"/>, rendered through the same core as the built-in vendors.</summary>
internal sealed class CustomVendorDialect(string name, WidgetVendor vendor) : VendorDialect(name, vendor.DefaultScriptUrl)
{
    public override string? PreviewQuery => null;

    public override IReadOnlyList<string> SessionCookies { get; } = [.. vendor.SessionCookies];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        if (vendor.SignedValue == WidgetSignedValue.Email && user.Email is null)
        {
            issues.Add($"the user has no email, which {Name} signs, so the identity was left out (set {widget.KeyPrefix}:Claims:Email to the claim that holds it)");
            return null;
        }

        return user;
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        var writer = new WidgetScript(script);
        if (resetFirst)
        {
            vendor.WriteReset(writer);
        }

        var signature = vendor.SignedValue == WidgetSignedValue.Email ? signer.Hmac(user.Email!) : signer.IdHash;
        vendor.WriteUserData(writer, user, signature);
    }

    public override bool WriteReset(ScriptBuilder script) => vendor.WriteReset(new WidgetScript(script));
}
