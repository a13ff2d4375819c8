using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Chatbase's AI agent widget: <c>window.chatbase("identify", {token: jwt})</c> once the Chatbase embed has defined
/// <c>window.chatbase</c>. The JWT (the default, which Chatbase recommends) is HS256 with <c>user_id</c> and, where known,
/// <c>email</c>, <c>name</c>, <c>phonenumber</c> and <c>custom_attributes</c>; with <c>"Signing": "Hmac"</c> the deprecated
/// shape <c>{user_id, user_hash, user_metadata}</c> is written instead. <c>window.chatbase("resetUser")</c> forgets the user.
/// </summary>
/// <remarks>
/// Documentation: chatbase.co/docs/developer-guides/identity-verification ("Method 1: JWT (Recommended)", "Logging out Users",
/// "Method 2: User Hash (deprecated)", "Identity Parameters").
/// </remarks>
internal sealed class ChatbaseDialect() : VendorDialect("Chatbase", defaultScriptUrl: null)
{
    /// <summary>Chatbase's limit on the legacy <c>user_metadata</c>: 1000 characters across all its fields (beyond it Chatbase truncates).</summary>
    internal const int MetadataMaxLength = 1000;

    // The embed snippet defines the window.chatbase queue synchronously and loads the agent's script (whose id is the agent
    // id, so the site keeps its own snippet) on the window's load event; by that event window.chatbase exists whichever of the
    // snippet and this tag comes first, and calls made then are queued until the script runs.
    private const string OnLoad = LoadEventDialectParts.OnLoad;

    public override string? PreviewQuery => "mode=chatbase";

    // Chatbase documents no cookie on the site's domain (the widget keeps its state in its own frame and local storage).
    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override bool SignsJwt(WidgetSigning? signing) => signing != WidgetSigning.Hmac;

    // Chatbase offers both ways to sign (a JWT by default), and the identify call needs no agent id: nothing to refuse.
    public override void Validate(VendorSettings settings, List<string> failures)
    {
    }

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        var email = AcceptedFields.Email(user, Name, issues);

        if (widget.Signing == WidgetSigning.Hmac)
        {
            return ConformLegacy(user, email, widget, issues);
        }

        // Chatbase's contact takes the phone number as E.164 ("+15551234567" in its documentation): written so or left out.
        var phone = AcceptedFields.PhoneNumber(user, issues);

        return new WidgetUser(user.Id)
        {
            Name = user.DisplayName,
            Email = email,
            PhoneNumber = phone,
            CustomAttributes = CustomAttributeValues.Conform(user.CustomAttributes, issues),
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        script.Raw(OnLoad);
        if (resetFirst)
        {
            script.Raw("window.chatbase(\"resetUser\");\n  ");
        }

        script.Raw("window.chatbase(\"identify\", ");
        if (signer.Signing == WidgetSigning.Hmac)
        {
            script.Fields(
            [
                ("user_id", user.Id),
                ("user_hash", signer.IdHash),
                ("user_metadata", Metadata(user)),
            ]);
        }
        else
        {
            // Only the token: attributes beside it are shown to the chatbot unverified, and Chatbase advises keeping data inside it.
            script.Fields([("token", signer.Jwt(Claims(user)))]);
        }

        script.Raw(");").Raw(LoadEventDialectParts.EndOnLoad);
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw(OnLoad).Raw("window.chatbase(\"resetUser\");").Raw(LoadEventDialectParts.EndOnLoad);
        return true;
    }

    private static Dictionary<string, object> Claims(WidgetUser user)
    {
        var claims = new Dictionary<string, object> { ["user_id"] = user.Id };
        if (user.Email is not null)
        {
            claims["email"] = user.Email;
        }

        if (user.Name is not null)
        {
            claims["name"] = user.Name;
        }

        if (user.PhoneNumber is not null)
        {
            claims["phonenumber"] = user.PhoneNumber;
        }

        if (user.CustomAttributes is { Count: > 0 } attributes)
        {
            var custom = new Dictionary<string, object>(attributes.Count, StringComparer.Ordinal);
            foreach (var (name, value) in attributes)
            {
                if (value is not null)
                {
                    custom[name] = value;
                }
            }

            claims["custom_attributes"] = custom;
        }

        return claims;
    }

    /// <summary>The legacy call's metadata: name, email and company, as Chatbase's example shows; <see langword="null"/> when none is known.</summary>
    private static Dictionary<string, object?>? Metadata(WidgetUser user)
    {
        if (user is { Name: null, Email: null, CompanyName: null })
        {
            return null;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = user.Name, ["email"] = user.Email, ["company"] = user.CompanyName };
    }

    /// <summary>
    /// The deprecated user-hash call signs the id only; its <c>user_metadata</c> is context for the agent, limited to
    /// <see cref="MetadataMaxLength"/> characters. Rather than let Chatbase cut a value short, fields are left out, the last
    /// first (company, then email, then name), until the rest fits.
    /// </summary>
    private WidgetUser ConformLegacy(WidgetUser user, string? email, ResolvedWidget widget, UserDataIssues issues)
    {
        if (user.PhoneNumber is not null || user.CustomAttributes is { Count: > 0 })
        {
            issues.Add($"the phone number and custom attributes were left out: {Name}'s user-hash identify takes only a name, email and company "
                + $"(set {widget.KeyPrefix}:Signing to Jwt to send them signed)");
        }

        (string Field, string Setting, string? Value)[] fields =
        [
            ("name", nameof(WidgetClaimOptions.Name), user.DisplayName),
            ("email", nameof(WidgetClaimOptions.Email), email),
            ("company", nameof(WidgetClaimOptions.CompanyName), user.CompanyName),
        ];

        var kept = fields.Length;
        while (kept > 0 && fields.Take(kept).Sum(field => field.Value is null ? 0 : field.Field.Length + field.Value.Length) > MetadataMaxLength)
        {
            kept--;
            if (fields[kept].Value is not null)
            {
                issues.FieldLeftOut(fields[kept].Field, $"would take {Name}'s user_metadata past its {MetadataMaxLength} characters", fields[kept].Setting);
            }
        }

        return new WidgetUser(user.Id)
        {
            Name = kept > 0 ? fields[0].Value : null,
            Email = kept > 1 ? fields[1].Value : null,
            CompanyName = kept > 2 ? fields[2].Value : null,
        };
    }
}
