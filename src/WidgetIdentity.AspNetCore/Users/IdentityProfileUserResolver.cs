using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WidgetIdentity.Users;

/// <summary>
/// Reads the widget user from the claims, then fills the fields <see cref="WidgetUserProfile{TUser}"/> maps and the claims
/// lack from the Identity user entity: loaded at most once per request (this resolver is scoped, so every widget on a page
/// shares the load) and never kept beyond it, so an edited profile shows on the next page. Claims win over the entity.
/// The entity is loaded through a <see cref="UserManager{TUser}"/> of its own scope: a Blazor page's components run their
/// lifecycles interleaved, and a query of the app's own on the request's DbContext may be in flight at the same time.
/// </summary>
internal sealed class IdentityProfileUserResolver<TUser>(
    ClaimsWidgetUserResolver claims,
    UserManager<TUser> users,
    IServiceScopeFactory scopes,
    WidgetUserProfile<TUser> profile,
    ILogger<IdentityProfileUserResolver<TUser>> logger) : IWidgetUserResolver
    where TUser : class
{
    /// <summary>The default name chain's claim after <c>ClaimTypes.Name</c>, as <see cref="ClaimsWidgetUserResolver"/> reads it.</summary>
    private const string OidcNameClaimType = "name";

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
        // taken as the name, it would hide the display name the app maps. The chain's other claim (name) still counts;
        // the login name stays only where neither that claim nor the entity has a name.
        var known = LoginName(user, context.User, claimOptions) is { } loginName
            ? user with { Name = OtherNameClaim(context.User, loginName) }
            : user;
        if (!ProfileFields.AnyMissing(profile, known))
        {
            return known;
        }

        var entity = await (_entity ??= LoadAsync(context));
        var filled = entity is null ? known : ProfileFields.Fill(profile, known, entity);
        return filled.Name is null && user.Name is not null ? filled with { Name = user.Name } : filled;
    }

    /// <summary>The login name, when the default name chain found Identity's user-name claim and the app maps a display name.</summary>
    private string? LoginName(WidgetUser user, ClaimsPrincipal principal, WidgetClaimOptions claimOptions) =>
        profile.Name is not null && claimOptions.Name is null && user.Name is not null
        && string.Equals(user.Name, principal.FindFirst(users.Options.ClaimsIdentity.UserNameClaimType)?.Value, StringComparison.Ordinal)
            ? user.Name
            : null;

    private static string? OtherNameClaim(ClaimsPrincipal principal, string loginName) =>
        WidgetUserText.NonBlank(principal.FindFirst(OidcNameClaimType)?.Value) is { } name && name != loginName ? name : null;

    /// <summary>The signed-in user's entity, by Identity's own id claim (the widget may sign another one).</summary>
    private async Task<TUser?> LoadAsync(HttpContext context)
    {
        if (users.GetUserId(context.User) is not { } id)
        {
            WidgetUserProfileLog.NoIdentityUserId(logger, context.Request.Path, users.Options.ClaimsIdentity.UserIdClaimType);
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var entity = await scope.ServiceProvider.GetRequiredService<UserManager<TUser>>().FindByIdAsync(id);
        if (entity is null)
        {
            WidgetUserProfileLog.ProfileUserNotFound(logger, context.Request.Path);
        }

        return entity;
    }
}
