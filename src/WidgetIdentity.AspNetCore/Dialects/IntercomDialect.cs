using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Intercom's Messenger: <c>window.intercomSettings = {...}</c> written before Intercom's loader, which boots the Messenger
/// from it (the loader queues calls; there is no ready event). Identity verification signs the user id: by default
/// <c>user_hash</c>, the HMAC of the id; with <c>"Signing": "Jwt"</c>, <c>intercom_user_jwt</c>, an HS256 JWT carrying
/// <c>user_id</c> (and the email), which are then left out of the plain settings. <c>Intercom('shutdown')</c> forgets the
/// visitor and ends the session kept in the <c>intercom-session-&lt;app_id&gt;</c> cookie.
/// </summary>
/// <remarks>
/// Documentation: developers.intercom.com "Javascript API: Attributes &amp; Objects" (installing-intercom/web/attributes-objects),
/// identity verification, and intercom-rails' JWT support (signed user fields are removed from the client-side settings).
/// </remarks>
internal sealed class IntercomDialect() : VendorDialect("Intercom", defaultScriptUrl: null)
{
    private const string UserIdField = "user_id";
    private const string EmailField = "email";

    // The Messenger treats every key it does not know as a custom data attribute, so a custom attribute named like one of
    // these would overwrite what the tag writes (a "user_id" next to a signed one) or change the Messenger's behaviour.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "app_id", "api_base", UserIdField, EmailField, "name", "phone", "avatar", "user_hash", "intercom_user_jwt", "company", "companies",
        "created_at", "signed_up_at", "last_request_at", "unsubscribed_from_emails", "language_override", "utm_campaign", "utm_content",
        "utm_medium", "utm_source", "utm_term", "custom_launcher_selector", "alignment", "vertical_padding", "horizontal_padding",
        "z_index", "hide_default_launcher", "session_duration", "action_color", "background_color",
    };

    public override string? PreviewQuery => "mode=intercom";

    // intercom-rails deletes "intercom-session-<app_id>" at sign-out. The dialect serves every Intercom widget, so it names the
    // cookie by its prefix (each app's session cookie on the site's domain is deleted).
    public override IReadOnlyList<string> SessionCookies { get; } = ["intercom-session-*"];

    public override bool SignsJwt(WidgetSigning? signing) => signing == WidgetSigning.Jwt;

    // Intercom offers both ways to sign (Hmac is the default), so any Signing value is accepted: base.Validate is not called.
    public override void Validate(VendorSettings settings, List<string> failures)
    {
        DialectRules.RequireAppId(settings, failures, "Intercom's Messenger needs your workspace's app_id",
            "in Intercom, open Settings > Installation > Web (it is also the code after /apps/ in your Intercom address)");
    }

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        var email = AcceptedFields.Email(user, Name, issues);
        var avatarUrl = AcceptedFields.AvatarUrl(user, issues);

        if (user.CompanyName is not null)
        {
            // The settings' company object requires a company_id, which a user's claims do not carry: never invent one.
            issues.FieldLeftOut("company name", "cannot be sent without the company_id Intercom's company object requires (send it as a custom attribute instead)",
                nameof(WidgetClaimOptions.CompanyName));
        }

        var attributes = CustomAttributeValues.Conform(user.CustomAttributes, issues);
        if (attributes is not null && attributes.Keys.Any(ReservedNames.Contains))
        {
            var kept = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in attributes)
            {
                if (ReservedNames.Contains(name))
                {
                    issues.Add($"the custom attribute \"{name}\" was left out: Intercom reads that name as one of its own settings");
                }
                else
                {
                    kept[name] = value;
                }
            }

            attributes = kept.Count == 0 ? null : kept;
        }

        // Intercom's settings take no description, country or city (it derives location itself): only its documented fields are kept.
        return user with
        {
            Name = user.DisplayName,
            FirstName = null,
            LastName = null,
            Email = email,
            AvatarUrl = avatarUrl,
            CompanyName = null,
            Description = null,
            CountryCode = null,
            City = null,
            CustomAttributes = attributes,
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        var settings = Settings(user, signer);
        if (!resetFirst)
        {
            script.Raw("window.intercomSettings = ").Attributes(settings).Raw(";");
            return;
        }

        // The settings boot the Messenger when its script loads, before the queued calls run, so a previous visitor's session
        // would be resumed first. Instead the Messenger is shut down (ending that session) and booted with the new settings;
        // the loader defines the queue synchronously and loads the script on the window's load event, so both calls queue.
        script.Raw(LoadEventDialectParts.OnLoad).Raw("window.Intercom(\"shutdown\");\n  window.Intercom(\"boot\", ")
            .Attributes(settings).Raw(");").Raw(LoadEventDialectParts.EndOnLoad);
    }

    // Intercom starts for visitors too, from the app_id in the settings (the site's loader snippet carries no settings of its own).
    public override bool WriteAnonymous(ScriptBuilder script, ResolvedWidget widget, bool resetFirst)
    {
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal) { ["app_id"] = widget.AppId };
        if (!resetFirst)
        {
            script.Raw("window.intercomSettings = ").Attributes(settings).Raw(";");
            return true;
        }

        script.Raw(LoadEventDialectParts.OnLoad).Raw("window.Intercom(\"shutdown\");\n  window.Intercom(\"boot\", ")
            .Attributes(settings).Raw(");").Raw(LoadEventDialectParts.EndOnLoad);
        return true;
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw(LoadEventDialectParts.OnLoad).Raw("window.Intercom(\"shutdown\");").Raw(LoadEventDialectParts.EndOnLoad);
        return true;
    }

    private static Dictionary<string, object?> Settings(WidgetUser user, WidgetSigner signer)
    {
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal) { ["app_id"] = signer.AppId };
        if (signer.Signing == WidgetSigning.Jwt)
        {
            // The signed fields travel in the token only: a plain copy beside it could be edited in the browser.
            var claims = new Dictionary<string, object> { [UserIdField] = user.Id };
            if (user.Email is not null)
            {
                claims[EmailField] = user.Email;
            }

            settings["intercom_user_jwt"] = signer.Jwt(claims);
        }
        else
        {
            settings[UserIdField] = user.Id;
            settings[EmailField] = user.Email;
        }

        settings["name"] = user.Name;
        settings["phone"] = user.PhoneNumber;
        settings["avatar"] = user.AvatarUrl is { } url
            ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = "avatar", ["image_url"] = url }
            : null;
        if (signer.Signing != WidgetSigning.Jwt)
        {
            settings["user_hash"] = signer.IdHash;
        }

        foreach (var (name, value) in user.CustomAttributes ?? new Dictionary<string, object?>())
        {
            settings[name] = value;
        }

        return settings;
    }
}
