using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Zendesk's messaging Web Widget: <c>zE("messenger", "loginUser", function (callback) { callback(jwt); })</c>, where the JWT
/// is HS256 with the signing key's id in the header's <c>kid</c> and <c>scope: "user"</c>, <c>external_id</c>, and optionally
/// <c>name</c> and <c>email</c> in the payload. <c>zE("messenger", "logoutUser")</c> reverts the widget to its pre-login state.
/// </summary>
/// <remarks>
/// Documentation: developer.zendesk.com "Authentication" (api-reference/widget-messaging/web/authentication) for loginUser,
/// logoutUser and the honoured <c>exp</c>; support.zendesk.com "Setting up user authentication for messaging" (4411666638746)
/// and "Enabling authenticated visitors for messaging" for the key id and the payload.
/// </remarks>
internal sealed class ZendeskDialect() : VendorDialect("Zendesk", defaultScriptUrl: null)
{
    private const int ExternalIdMaxLength = 255;

    // zE exists once Zendesk's snippet (script#ze-snippet, which must keep that id, so the site loads it itself) has run. The
    // snippet is a classic script: whether it stands before or after this tag, zE is defined by the window's load event.
    private const string OnLoad = LoadEventDialectParts.OnLoad;

    public override string? PreviewQuery => "mode=zendesk";

    // The messaging widget keeps its state in the browser's local storage, not in cookies: Zendesk documents no cookie to delete.
    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override bool SignsJwt(WidgetSigning? signing) => true;

    public override void Validate(VendorSettings settings, List<string> failures)
    {
        base.Validate(settings, failures); // one way to sign: a JWT

        if (string.IsNullOrWhiteSpace(settings.KeyId))
        {
            failures.Add($"{settings.KeyPrefix}:KeyId is not set. Zendesk names the signing key of a messaging JWT in its kid header: in Admin Center, "
                + "open Account > Security > End user authentication, Messaging tab, and copy the key's ID (it starts with app_). "
                + WidgetSettings.HowToSet(settings.KeyPrefix, "KeyId", "\"app_...\""));
        }
    }

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        if (user.Id.Length > ExternalIdMaxLength)
        {
            // A shortened id would sign another user in: the identity is left out, never truncated.
            issues.Add($"the user id is longer than the {ExternalIdMaxLength} characters Zendesk accepts as external_id, so the identity was left out "
                + $"(check the claim read by {widget.KeyPrefix}:Claims:UserId)");
            return null;
        }

        var email = AcceptedFields.Email(user, Name, issues);

        // The payload takes only external_id, name and email: the other fields are not Zendesk's to receive. email_verified is
        // never sent: the package cannot know whether the site verified the address.
        return new WidgetUser(user.Id) { Name = user.DisplayName, Email = email };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        var claims = new Dictionary<string, object> { ["scope"] = "user", ["external_id"] = user.Id };
        if (user.Name is not null)
        {
            claims["name"] = user.Name;
        }

        if (user.Email is not null)
        {
            claims["email"] = user.Email;
        }

        script.Raw(OnLoad);
        if (resetFirst)
        {
            script.Raw("window.zE(\"messenger\", \"logoutUser\");\n  ");
        }

        // The widget calls back again for a fresh token when it needs one; this page can only hand back the token it was
        // rendered with, which Zendesk rejects once its exp (TokenLifetime) has passed. The next page load signs a new one.
        script.Raw("window.zE(\"messenger\", \"loginUser\", function (callback) {\n    callback(")
            .String(signer.Jwt(claims, signer.KeyId))
            .Raw(");\n  });").Raw(LoadEventDialectParts.EndOnLoad);
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw(OnLoad).Raw("window.zE(\"messenger\", \"logoutUser\");").Raw(LoadEventDialectParts.EndOnLoad);
        return true;
    }
}
