using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Gleap (docs.gleap.io, "User identity" and "Enforce identity verification"): <c>Gleap.identify(userId, {name, email, phone,
/// companyName, customData}, userHash)</c>, the hash being HMAC-SHA256 of the user id as a string, lowercase hex. Gleap's
/// snippet (in the page's head, with the API key) defines <c>window.Gleap</c> as a stub that queues every call until its SDK
/// has loaded, so the calls here are queued in order; the snippet must come before this script (the tag belongs before
/// <c>&lt;/body&gt;</c>), and the SDK is loaded by that snippet, not by the tag. Reset: <c>Gleap.clearIdentity()</c>.
/// </summary>
internal sealed class GleapDialect() : VendorDialect("Gleap", defaultScriptUrl: null)
{
    /// <summary>Gleap's documented limit on custom data keys in one identify call; the keys past it are left out.</summary>
    internal const int MaxCustomDataKeys = 35;

    public override string? PreviewQuery => "mode=gleap";

    // Gleap keeps its session in the browser's local storage (and, only with setUseCookies, in cookies whose names it does not
    // document): nothing to delete on the site's domain.
    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        // Gleap documents no format for the email or phone (its own example phone is "+1 (902) 123123"); an email that is not
        // an address is still left out, as it would create a contact no one can reach and match against.
        var email = AcceptedFields.Email(user, Name, issues);

        var customData = CustomAttributeValues.Conform(user.CustomAttributes, issues);
        if (customData is { Count: > MaxCustomDataKeys })
        {
            // The first keys (in the resolver's order) are kept rather than sending a call Gleap would cut or refuse.
            issues.Add($"{customData.Count - MaxCustomDataKeys} custom attributes past {Name}'s limit of {MaxCustomDataKeys} custom data keys were left out "
                + $"(check {widget.KeyPrefix}:Claims:CustomAttributes or the attributes your IWidgetUserResolver returns)");
            customData = customData.Take(MaxCustomDataKeys).ToDictionary(StringComparer.Ordinal);
        }

        // Only the identify fields Gleap documents that a WidgetUser can fill (no avatar among them).
        return new WidgetUser(user.Id)
        {
            Name = user.DisplayName,
            Email = email,
            PhoneNumber = user.PhoneNumber,
            CompanyName = user.CompanyName,
            CustomAttributes = customData,
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        if (resetFirst)
        {
            WriteReset(script);
            script.Raw("\n");
        }

        script.Raw("window.Gleap.identify(").String(user.Id).Raw(", ").Fields(
            [
                ("name", user.DisplayName),
                ("email", user.Email),
                ("phone", user.PhoneNumber),
                ("companyName", user.CompanyName),
                ("customData", user.CustomAttributes),
            ]).Raw(", ").String(signer.IdHash).Raw(");");
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw("window.Gleap.clearIdentity();");
        return true;
    }
}
