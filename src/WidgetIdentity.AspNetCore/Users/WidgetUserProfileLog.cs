using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WidgetIdentity.Users;

/// <summary>The profile resolver's log entries. EventIds are stable (20-29); none carries a user's data.</summary>
internal static partial class WidgetUserProfileLog
{
    [LoggerMessage(EventId = 20, EventName = "ProfileUserNotFound", Level = LogLevel.Debug,
        Message = "The signed-in user on {Path} has no row in the user store (deleted since signing in?); the chat widget gets what the claims say.")]
    public static partial void ProfileUserNotFound(ILogger logger, PathString path);

    [LoggerMessage(EventId = 21, EventName = "ProfileWithoutIdentityUserId", Level = LogLevel.Warning,
        Message = "The signed-in user on {Path} has no {ClaimType} claim, which ASP.NET Core Identity finds its user by; the chat widget gets what the claims say. Sign in with Identity's SignInManager, or set IdentityOptions.ClaimsIdentity.UserIdClaimType.")]
    public static partial void NoIdentityUserId(ILogger logger, PathString path, string claimType);
}
