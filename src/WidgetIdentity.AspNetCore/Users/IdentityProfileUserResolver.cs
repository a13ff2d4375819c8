using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace WidgetIdentity.Users;

/// <summary>
/// Reads the widget user from the claims, then fills the fields <see cref="WidgetUserProfile{TUser}"/> maps and the claims
/// lack from the Identity user entity: loaded at most once per request (this resolver is scoped, so every widget on a page
/// shares the load) and never kept beyond it, so an edited profile shows on the next page. Claims win over the entity.
/// </summary>
internal sealed class IdentityProfileUserResolver<TUser>(
    ClaimsWidgetUserResolver claims,
    UserManager<TUser> users,
    WidgetUserProfile<TUser> profile,
    ILogger<IdentityProfileUserResolver<TUser>> logger) : IWidgetUserResolver
    where TUser : class
{
    private Task<TUser?>? _entity;

    public async ValueTask<WidgetUser?> ResolveAsync(HttpContext context, WidgetClaimOptions claimOptions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claimOptions);

        var user = await claims.ResolveAsync(context, claimOptions);
        if (user is null)
        {
            return null;
        }

        // Identity puts the login name (often the email) in its user-name claim, which the default name chain reads first:
        // taken as the name, it would hide the display name the app maps. It stays only where the entity has no name.
        var known = IsOnlyTheLoginName(user, context.User, claimOptions) ? user with { Name = null } : user;
        if (!ProfileFields.AnyMissing(profile, known))
        {
            return user;
        }

        var entity = await (_entity ??= LoadAsync(context));
        if (entity is null)
        {
            return user;
        }

        var filled = ProfileFields.Fill(profile, known, entity);
        return filled.Name is null && user.Name is not null ? filled with { Name = user.Name } : filled;
    }

    private bool IsOnlyTheLoginName(WidgetUser user, ClaimsPrincipal principal, WidgetClaimOptions claimOptions) =>
        profile.Name is not null && claimOptions.Name is null && user.Name is not null
        && string.Equals(user.Name, principal.FindFirst(users.Options.ClaimsIdentity.UserNameClaimType)?.Value, StringComparison.Ordinal);

    /// <summary>The signed-in user's entity, by Identity's own id claim (the widget may sign another one).</summary>
    private async Task<TUser?> LoadAsync(HttpContext context)
    {
        if (users.GetUserId(context.User) is not { } id)
        {
            WidgetUserProfileLog.NoIdentityUserId(logger, context.Request.Path, users.Options.ClaimsIdentity.UserIdClaimType);
            return null;
        }

        var entity = await users.FindByIdAsync(id);
        if (entity is null)
        {
            WidgetUserProfileLog.ProfileUserNotFound(logger, context.Request.Path);
        }

        return entity;
    }
}
