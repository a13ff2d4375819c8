using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WidgetIdentity;
using WidgetIdentity.AutoInclude;
using WidgetIdentity.Configuration;
using WidgetIdentity.Guard;
using WidgetIdentity.Preview;
using WidgetIdentity.Rendering;
using WidgetIdentity.SignOut;
using WidgetIdentity.Users;
using WidgetIdentity.Vendors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WidgetIdentity: options, the <c>&lt;chat-widget-user /&gt;</c> renderer and the secret guard.</summary>
public static class WidgetIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Adds WidgetIdentity, bound to the <c>WidgetIdentity</c> configuration section and validated at start-up.
    /// The secret guard is on from here; <c>app.UseWidgetIdentity()</c> only places it explicitly.
    /// </summary>
    public static IServiceCollection AddWidgetIdentity(this IServiceCollection services) =>
        services.AddWidgetIdentity(static _ => { });

    /// <summary>
    /// Adds WidgetIdentity, bound to the <c>WidgetIdentity</c> configuration section, then changed by
    /// <paramref name="configure"/>, and validated at start-up.
    /// </summary>
    public static IServiceCollection AddWidgetIdentity(this IServiceCollection services, Action<WidgetIdentityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<WidgetIdentityOptions>()
            .BindConfiguration(WidgetIdentityOptions.SectionName)
            .Configure(configure)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WidgetIdentityOptions>, WidgetIdentityOptionsValidator>());

        services.TryAddSingleton<IWidgetUserResolver, ClaimsWidgetUserResolver>();
        services.TryAddSingleton<VendorRegistry>();
        services.TryAddSingleton<WidgetCatalog>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => new WidgetIdentityRenderer(
            provider.GetRequiredService<WidgetCatalog>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<WidgetIdentityRenderer>>()));

        // Transient: MVC sets the view being rendered on the component. It does nothing unless AutoInclude is on.
        services.TryAddEnumerable(ServiceDescriptor.Transient<ITagHelperComponent, ChatWidgetAutoInclude>());

        // Only apps with cookie authentication ever build these options: JWT-bearer-only apps are untouched.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, CookieSignOutHandOver>());

        services.AddSecretGuard();

        // After the guard's registration, so the guard also covers the preview endpoints.
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, PreviewStartupFilter>());
        return services;
    }
}
