using System.Globalization;
using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Help Scout Beacon (developer.helpscout.com, "Secure Mode" and "Beacon JavaScript API"): <c>Beacon('identify', {...})</c> with
/// <c>signature</c>, the HMAC-SHA256 of the email under the Beacon's secure-mode key. The email is required; the name, company
/// and avatar are optional, and custom attributes go in the same object. <c>Beacon('logout')</c> clears the identified user.
/// </summary>
/// <remarks>
/// Beacon's embed snippet defines <c>window.Beacon</c> as a queue (replaying calls once the Beacon loads) and replaces any
/// earlier definition, so the tag goes after that snippet; the snippet carries the Beacon id, so no <c>AppId</c> is needed.
/// </remarks>
internal sealed class HelpScoutDialect() : VendorDialect("HelpScout", defaultScriptUrl: null)
{
    // Help Scout's SDK references: name 80 characters, company and job title 60, avatar URL 200; "if any of the parameters
    // exceeds the character limits, the value will not be saved". Text is cut to fit (its start still identifies the user, and
    // Beacon's iOS SDK truncates the same way); a URL cut short points elsewhere, so a long avatar URL is left out instead.
    internal const int NameMaxLength = 80;
    internal const int CompanyMaxLength = 60;
    internal const int AvatarMaxLength = 200;

    // Beacon keeps at most 30 custom attributes for a user.
    internal const int MaxAttributes = 30;

    private const string EmailField = "email";
    private const string SignatureField = "signature";

    // A custom attribute with one of these names would overwrite the identity's own fields (the email it signs, above all).
    private static readonly HashSet<string> ReservedFields =
        new(["name", EmailField, "company", "jobTitle", "avatar", SignatureField], StringComparer.OrdinalIgnoreCase);

    public override string? PreviewQuery => "mode=helpscout";

    // Beacon documents no cookie of its own on the site's domain (it keeps its state in the browser's storage).
    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        if (EmailSignedFields.RequiredEmail(user, widget, Name, issues) is not { } email)
        {
            return null;
        }

        var avatar = AcceptedFields.AvatarUrl(user, issues);
        if (avatar is { Length: > AvatarMaxLength })
        {
            issues.FieldLeftOut("avatar URL", $"is longer than the {AvatarMaxLength} characters Help Scout keeps", nameof(WidgetClaimOptions.AvatarUrl));
            avatar = null;
        }

        return user with
        {
            Email = email,
            Name = Shorten(user.DisplayName, NameMaxLength, "name", nameof(WidgetClaimOptions.Name), issues),
            AvatarUrl = avatar,
            CompanyName = Shorten(user.CompanyName, CompanyMaxLength, "company name", nameof(WidgetClaimOptions.CompanyName), issues),
            CustomAttributes = Attributes(CustomAttributeValues.Conform(user.CustomAttributes, issues), issues),
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        var email = user.Email ?? throw new ArgumentException("Help Scout signs the email: Conform leaves out a user without one.", nameof(user));
        if (resetFirst)
        {
            WriteReset(script);
            script.Raw("\n");
        }

        // Field names are written through Attributes with the custom attributes: plain ASCII constants come out unchanged.
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = user.Name,
            [EmailField] = email,
            ["company"] = user.CompanyName,
            ["avatar"] = user.AvatarUrl,
            [SignatureField] = signer.Hmac(email),
        };
        if (user.CustomAttributes is { } attributes)
        {
            foreach (var (name, value) in attributes)
            {
                fields[name] = value;
            }
        }

        script.Raw("window.Beacon(\"identify\", ").Attributes(fields).Raw(");");
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        // Beacon('logout') as documented, without options: ending a chat in progress is not asked for here.
        script.Raw("window.Beacon(\"logout\");");
        return true;
    }

    private static string? Shorten(string? value, int maxLength, string field, string claimSetting, UserDataIssues issues)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        issues.Add($"the {field} is longer than the {maxLength} characters Help Scout keeps, so it was cut to fit (check the claim read by {issues.KeyPrefix}:Claims:{claimSetting})");
        var end = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength; // never half a character
        return value[..end];
    }

    /// <summary>
    /// Custom attributes as Beacon stores them: text values (numbers and booleans in their invariant form), at most
    /// <see cref="MaxAttributes"/>, none named like an identity field.
    /// </summary>
    private static Dictionary<string, object?>? Attributes(IReadOnlyDictionary<string, object?>? attributes, UserDataIssues issues)
    {
        if (attributes is null)
        {
            return null;
        }

        var kept = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            if (ReservedFields.Contains(name))
            {
                issues.Add($"the custom attribute \"{name}\" was left out: Help Scout's identify call uses that name for the user's own field "
                    + $"(rename it in {issues.KeyPrefix}:Claims:CustomAttributes or in your IWidgetUserResolver)");
            }
            else if (kept.Count == MaxAttributes)
            {
                issues.Add($"the custom attribute \"{name}\" was left out: Help Scout keeps at most {MaxAttributes} attributes for a user "
                    + $"(send fewer through {issues.KeyPrefix}:Claims:CustomAttributes or your IWidgetUserResolver)");
            }
            else
            {
                kept[name] = value switch
                {
                    bool flag => flag ? "true" : "false",
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    _ => value,
                };
            }
        }

        return kept.Count == 0 ? null : kept;
    }
}
