using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// What the Intercom, Zendesk and Chatbase dialects share: calls made on the window's load event (by then the vendor's own
/// snippet has defined its queue, whether it stands before or after the tag), and the email and avatar checks they apply.
/// </summary>
internal static class LoadEventDialectParts
{
    /// <summary>Opens a listener for the window's load event; the calls that follow are indented by two spaces.</summary>
    public const string OnLoad = "window.addEventListener(\"load\", function () {\n  ";

    /// <summary>Closes the listener <see cref="OnLoad"/> opened.</summary>
    public const string EndOnLoad = "\n});";

    /// <summary>The email if it has an address's shape (<see cref="UserFieldRules.IsEmail"/>); else <see langword="null"/>, with an issue.</summary>
    public static string? Email(WidgetUser user, string vendor, UserDataIssues issues)
    {
        if (user.Email is { } email && !UserFieldRules.IsEmail(email))
        {
            issues.FieldLeftOut("email", $"is not an address {vendor} accepts", nameof(WidgetClaimOptions.Email));
            return null;
        }

        return user.Email;
    }

    /// <summary>The avatar URL if it is an absolute http(s) URL; else <see langword="null"/>, with an issue.</summary>
    public static string? AvatarUrl(WidgetUser user, UserDataIssues issues)
    {
        if (user.AvatarUrl is { } url && !UserFieldRules.IsAbsoluteHttpUrl(url))
        {
            issues.FieldLeftOut("avatar URL", "is not an absolute http(s) URL", nameof(WidgetClaimOptions.AvatarUrl));
            return null;
        }

        return user.AvatarUrl;
    }
}
