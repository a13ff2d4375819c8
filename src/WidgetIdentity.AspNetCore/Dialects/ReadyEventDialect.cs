using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// A Chatwoot-style vendor: once its SDK dispatches a ready event, <c>setUser(id, {...})</c> and then
/// <c>setCustomAttributes({...})</c> are called on its global object. Its SDK throws unless the user has a non-empty
/// <c>avatar_url</c>, <c>email</c> or <c>name</c>; its server rejects an email or phone number it cannot store; it keeps
/// the conversation in cookies on the site's domain until <c>reset()</c>.
/// </summary>
internal sealed class ReadyEventDialect(string name, string readyEvent, string sdkObject) : VendorDialect(name, defaultScriptUrl: null)
{
    private const string HashField = "identifier_hash";

    // After reset() the SDK reloads its frame and dispatches the ready event again: each listener runs once, and the
    // user is set on the reloaded frame, not on the one being replaced.
    private const string Once = "}, { once: true });";

    public override string? PreviewQuery { get; } =
        $"mode=ready&event={Uri.EscapeDataString(readyEvent)}&sdk={Uri.EscapeDataString(sdkObject["window.".Length..])}&hash={HashField}";

    public override IReadOnlyList<string> SessionCookies { get; } = ["cw_conversation", "cw_user_*"];

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        var email = AcceptedFields.Email(user, Name, issues);
        var avatarUrl = AcceptedFields.AvatarUrl(user, issues);
        var phone = AcceptedFields.PhoneNumber(user, issues);
        var country = AcceptedFields.CountryCode(user, issues);

        var name = user.DisplayName;
        if (name is null && email is null && avatarUrl is null)
        {
            if (widget.IncompleteUser == IncompleteUserHandling.Anonymous)
            {
                issues.Add($"the user has no name, email or avatar, which {Name}'s setUser requires, so the identity was left out "
                    + $"({widget.KeyPrefix}:IncompleteUser is Anonymous; set {widget.KeyPrefix}:Claims:Name, Email or AvatarUrl to the claim that holds one)");
                return null;
            }

            name = widget.FallbackName.Replace("{id}", user.Id, StringComparison.Ordinal);
            issues.Add($"the user has no name, email or avatar, which {Name}'s setUser requires, so the fallback name was sent "
                + $"(set {widget.KeyPrefix}:Claims:Name, Email or AvatarUrl to the claim that holds one, or change {widget.KeyPrefix}:FallbackName or {widget.KeyPrefix}:IncompleteUser)");
        }

        return user with
        {
            Name = name,
            FirstName = null,
            LastName = null,
            Email = email,
            AvatarUrl = avatarUrl,
            PhoneNumber = phone,
            CountryCode = country,
            CustomAttributes = CustomAttributeValues.Conform(user.CustomAttributes, issues),
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        script.Raw("window.addEventListener(").String(readyEvent).Raw(", function () {\n  ");
        var indent = "";
        if (resetFirst)
        {
            script.Raw(sdkObject).Raw(".reset();\n  window.addEventListener(").String(readyEvent).Raw(", function () {\n    ");
            indent = "  ";
        }

        script.Raw(sdkObject).Raw(".setUser(").String(user.Id).Raw(", ").Object(
            [
                ("name", user.DisplayName),
                ("email", user.Email),
                ("avatar_url", user.AvatarUrl),
                ("phone_number", user.PhoneNumber),
                ("company_name", user.CompanyName),
                ("description", user.Description),
                ("country_code", user.CountryCode),
                ("city", user.City),
                (HashField, signer.IdHash),
            ]).Raw(");");

        if (user.CustomAttributes is { Count: > 0 } attributes)
        {
            script.Raw("\n  ").Raw(indent).Raw(sdkObject).Raw(".setCustomAttributes(").Attributes(attributes).Raw(");");
        }

        script.Raw(resetFirst ? "\n  " + Once + "\n" + Once : "\n});");
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw("window.addEventListener(").String(readyEvent).Raw(", function () {\n  ")
            .Raw(sdkObject).Raw(".reset();\n").Raw(Once);
        return true;
    }
}
