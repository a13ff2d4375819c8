using WidgetIdentity.Configuration;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// The rules shared by the vendors that verify the visitor by an HMAC of the email (Crisp, Help Scout, Plain): without an
/// email the vendor accepts there is nothing to sign, so no identity is written; an avatar is an absolute http(s) URL.
/// </summary>
internal static class EmailSignedFields
{
    /// <summary>
    /// The email the vendor signs, or <see langword="null"/> (with one issue naming <c>Claims:Email</c>) when the user has none
    /// it accepts: the identity is then left out, never written unsigned.
    /// </summary>
    public static string? RequiredEmail(WidgetUser user, ResolvedWidget widget, string vendor, UserDataIssues issues)
    {
        if (user.Email is { } email && UserFieldRules.IsEmail(email))
        {
            return email;
        }

        var reason = user.Email is null ? "the user has no email" : $"the email is not an address {vendor} accepts";
        issues.Add($"{reason}, and {vendor} verifies the visitor by a signature of the email, so the identity was left out "
            + $"(set {widget.KeyPrefix}:Claims:Email to the claim that holds the user's email)");
        return null;
    }
}
