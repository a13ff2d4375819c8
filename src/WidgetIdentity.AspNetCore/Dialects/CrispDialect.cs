using System.Text.RegularExpressions;
using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Crisp (docs.crisp.chat, "Identity Verification" and "$crisp Methods"): commands pushed on the <c>$crisp</c> queue, which the
/// chatbox replays once it loads. The email is set with its signature, an HMAC-SHA256 of the email under the website's
/// verification secret: <c>["set", "user:email", [email, signature]]</c>; then nickname, phone, avatar, company and custom
/// session data. <c>["do", "session:reset"]</c> unbinds the browser from the previous visitor's session.
/// </summary>
/// <remarks>
/// The tag writes no <c>CRISP_WEBSITE_ID</c> and requires no <c>AppId</c>: Crisp's own snippet carries the website id and must
/// load Crisp for anonymous visitors too, for whom the tag writes nothing. That snippet assigns <c>$crisp = []</c>, so the tag
/// goes after it; <c>window.$crisp = window.$crisp || []</c> keeps the commands queued if the chatbox has not loaded yet.
/// </remarks>
internal sealed partial class CrispDialect() : VendorDialect("Crisp", defaultScriptUrl: null)
{
    private const string Queue = "window.$crisp";

    public override string? PreviewQuery => "mode=crisp";

    // The chatbox keeps the visitor's session in "crisp-client/session/<website id>" on the site's (base) domain. The name is
    // URL-encoded as browsers send it; Crisp's docs name the cookie's purpose (the local session cookie session:reset
    // clears), not its spelling, which is taken from the chatbox's observed behaviour.
    public override IReadOnlyList<string> SessionCookies { get; } = ["crisp-client%2Fsession%2F*"];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        if (EmailSignedFields.RequiredEmail(user, widget, Name, issues) is not { } email)
        {
            return null;
        }

        // Crisp's examples give phone numbers in international form: anything else is left out rather than guessed.
        var phone = AcceptedFields.PhoneNumber(user, issues);

        // Fields Crisp does not take (description, country, city) stay on the user: WriteUserData never reads them.
        return user with
        {
            Email = email,
            Name = user.DisplayName,
            AvatarUrl = AcceptedFields.AvatarUrl(user, issues),
            PhoneNumber = phone,
            CustomAttributes = SessionData(CustomAttributeValues.Conform(user.CustomAttributes, issues), issues),
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        var email = user.Email ?? throw new ArgumentException("Crisp signs the email: Conform leaves out a user without one.", nameof(user));
        script.Raw(Queue).Raw(" = ").Raw(Queue).Raw(" || [];");
        if (resetFirst)
        {
            WriteResetCommand(script);
        }

        WriteSet(script, "user:email", [email, signer.Hmac(email)]);
        WriteSet(script, "user:nickname", user.Name);
        WriteSet(script, "user:phone", user.PhoneNumber);
        WriteSet(script, "user:avatar", user.AvatarUrl);

        // The company call takes the name and an optional object of details (url, description, employment, geolocation)
        // about the company, none of which the user carries.
        WriteSet(script, "user:company", user.CompanyName);

        if (user.CustomAttributes is { Count: > 0 } attributes)
        {
            // Several keys at once: one argument, an array of [key, value] pairs.
            var pairs = attributes.Select(attribute => new object?[] { attribute.Key, attribute.Value }).ToArray();
            script.Raw("\n").Raw(Queue).Raw(".push([\"set\", \"session:data\", ").Literal(new object[] { pairs }).Raw("]);");
        }
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw(Queue).Raw(" = ").Raw(Queue).Raw(" || [];");
        WriteResetCommand(script);
        return true;
    }

    private static void WriteResetCommand(ScriptBuilder script) =>
        script.Raw("\n").Raw(Queue).Raw(".push([\"do\", \"session:reset\"]);");

    private static void WriteSet(ScriptBuilder script, string method, string? value)
    {
        if (value is not null)
        {
            WriteSet(script, method, [value]);
        }
    }

    private static void WriteSet(ScriptBuilder script, string method, string[] values) =>
        script.Raw("\n").Raw(Queue).Raw(".push([\"set\", \"").Raw(method).Raw("\", ").Literal(values).Raw("]);");

    /// <summary>Crisp's rule for data keys: lower case letters, digits, underscores and dashes only. Other keys are left out, not renamed.</summary>
    private static IReadOnlyDictionary<string, object?>? SessionData(IReadOnlyDictionary<string, object?>? attributes, UserDataIssues issues)
    {
        if (attributes is null || attributes.Keys.All(key => DataKey().IsMatch(key)))
        {
            return attributes;
        }

        var kept = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (DataKey().IsMatch(key))
            {
                kept[key] = value;
            }
            else
            {
                issues.Add($"the custom attribute \"{key}\" was left out: Crisp takes data keys of lower case letters, digits, '_' and '-' only "
                    + $"(rename it in {issues.KeyPrefix}:Claims:CustomAttributes or in your IWidgetUserResolver)");
            }
        }

        return kept.Count == 0 ? null : kept;
    }

    [GeneratedRegex(@"\A[a-z0-9_\-]+\z")]
    private static partial Regex DataKey();
}
