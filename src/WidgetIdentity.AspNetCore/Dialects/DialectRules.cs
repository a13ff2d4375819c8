using WidgetIdentity.Configuration;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>The checks the FrontChat, Gleap and Featurebase dialects share: a required app id, and the email a vendor can store.</summary>
internal static class DialectRules
{
    /// <summary>Adds a failure naming <c>{prefix}:AppId</c> when it is not set, with what the vendor needs it for and where to copy it from.</summary>
    public static void RequireAppId(VendorSettings settings, List<string> failures, string neededFor, string whereToFind)
    {
        if (string.IsNullOrWhiteSpace(settings.AppId))
        {
            failures.Add($"{settings.KeyPrefix}:AppId is not set. {neededFor}: {whereToFind}.");
        }
    }

    /// <summary>The user's email when it is an address (<see cref="UserFieldRules.IsEmail"/>); otherwise it is left out with an issue.</summary>
    public static string? Email(WidgetUser user, string vendor, UserDataIssues issues)
    {
        if (user.Email is { } email && !UserFieldRules.IsEmail(email))
        {
            issues.FieldLeftOut("email", $"is not an address {vendor} accepts", nameof(WidgetClaimOptions.Email));
            return null;
        }

        return user.Email;
    }
}
