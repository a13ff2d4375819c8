using WidgetIdentity.Configuration;

namespace WidgetIdentity.Dialects;

/// <summary>The start-up check the Intercom, FrontChat and Featurebase dialects share: a required app id.</summary>
internal static class DialectRules
{
    /// <summary>Adds a failure naming <c>{prefix}:AppId</c> when it is not set, with what the vendor needs it for and where to copy it from.</summary>
    public static void RequireAppId(VendorSettings settings, List<string> failures, string neededFor, string whereToFind)
    {
        if (string.IsNullOrWhiteSpace(settings.AppId))
        {
            failures.Add($"{settings.KeyPrefix}:AppId is not set. {neededFor}: {whereToFind}. "
                + WidgetSettings.HowToSet(settings.KeyPrefix, "AppId", "\"<the id you copied>\""));
        }
    }
}
