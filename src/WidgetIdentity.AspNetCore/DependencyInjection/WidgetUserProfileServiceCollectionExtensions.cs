using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WidgetIdentity;
using WidgetIdentity.Rendering;
using WidgetIdentity.Users;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the widget user's profile from the app's ASP.NET Core Identity user store.</summary>
public static class WidgetUserProfileServiceCollectionExtensions
{
    /// <summary>
    /// Fills the widget user's fields that the claims do not carry from the signed-in user's <typeparamref name="TUser"/>,
    /// loaded through Identity's <c>UserManager&lt;TUser&gt;</c> by Identity's user id claim: at most one query per request
    /// (none when the claims carry every mapped field), nothing kept between requests. Claims win over the entity.
    /// Replaces the <see cref="IWidgetUserResolver"/> registration. Start-up fails if Identity for
    /// <typeparamref name="TUser"/> (its <c>UserManager</c> and a user store) is not registered.
    /// </summary>
    /// <example><code>
    /// builder.Services.AddWidgetIdentity().AddWidgetUserProfile&lt;ApplicationUser&gt;(profile =&gt;
    /// {
    ///     profile.Name = user =&gt; user.DisplayName;
    ///     profile.AvatarUrl = user =&gt; user.AvatarUrl;
    /// });
    /// </code></example>
    /// <exception cref="InvalidOperationException"><c>AddWidgetIdentity()</c> has not been called.</exception>
    /// <exception cref="ArgumentException"><paramref name="configure"/> maps no field.</exception>
    public static IServiceCollection AddWidgetUserProfile<TUser>(this IServiceCollection services, Action<WidgetUserProfile<TUser>> configure)
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var user = typeof(TUser).Name;
        if (!services.Any(service => service.ServiceType == typeof(WidgetIdentityRenderer)))
        {
            throw new InvalidOperationException(
                $"AddWidgetUserProfile<{user}>() extends WidgetIdentity: call builder.Services.AddWidgetIdentity().AddWidgetUserProfile<{user}>(...).");
        }

        var profile = new WidgetUserProfile<TUser>();
        configure(profile);
        if (!profile.MapsAnyField)
        {
            throw new ArgumentException(
                $"AddWidgetUserProfile<{user}>() maps no field: set at least one, for example profile => profile.Name = user => user.DisplayName.",
                nameof(configure));
        }

        services.Replace(ServiceDescriptor.Singleton(profile));
        services.TryAddSingleton<ClaimsWidgetUserResolver>();
        services.Replace(ServiceDescriptor.Scoped<IWidgetUserResolver, IdentityProfileUserResolver<TUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WidgetIdentityOptions>, IdentityUserStoreCheck<TUser>>());
        return services;
    }
}
