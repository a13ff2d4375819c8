using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Plain's chat widget (plain.com/docs, "Authentication" and the chat methods): customer details with <c>email</c> and
/// <c>emailHash</c>, the HMAC-SHA256 of the email under the chat app's secret, plus optional <c>fullName</c>, <c>shortName</c>
/// and <c>chatAvatarUrl</c>, given through <c>Plain.setCustomerDetails</c>, which takes the same object as
/// <c>customerDetails</c> in <c>Plain.init</c>.
/// </summary>
/// <remarks>
/// Plain's snippet loads its script and calls <c>Plain.init({ appId })</c> from the script's onload, so <c>Plain</c> does not
/// exist yet when the tag's inline script runs. The site keeps that snippet unchanged (anonymous visitors need it, and the tag
/// writes nothing for them), and the tag sets the details on the window's load event: a script inserted while the page is
/// parsed delays that event, so Plain has been initialized by then. The tag therefore needs no <c>AppId</c>, and never calls
/// <c>Plain.init</c> a second time. Plain documents no logout or reset call for its widget and no cookies on the site's domain.
/// </remarks>
internal sealed class PlainDialect() : VendorDialect("Plain", defaultScriptUrl: null)
{
    public override string? PreviewQuery => "mode=plain";

    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        if (EmailSignedFields.RequiredEmail(user, widget, Name, issues) is not { } email)
        {
            return null;
        }

        // Only the documented customer details are written; externalId is left out on purpose: Plain would match customers
        // by it, and nothing signs it.
        return user with { Email = email, Name = user.DisplayName, AvatarUrl = AcceptedFields.AvatarUrl(user, issues) };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        // resetFirst: Plain has no documented call to forget the previous visitor; setting the new details replaces theirs.
        var email = user.Email ?? throw new ArgumentException("Plain signs the email: Conform leaves out a user without one.", nameof(user));
        script.Raw("window.addEventListener(\"load\", function () {\n  window.Plain.setCustomerDetails(").Object(
            [
                ("email", email),
                ("emailHash", signer.Hmac(email)),
                ("fullName", user.Name),
                ("shortName", user.FirstName),
                ("chatAvatarUrl", user.AvatarUrl),
            ]).Raw(");\n}, { once: true });");
    }

    public override bool WriteReset(ScriptBuilder script) => false;
}
