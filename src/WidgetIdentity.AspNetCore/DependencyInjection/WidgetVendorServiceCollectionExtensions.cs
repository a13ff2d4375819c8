using Microsoft.Extensions.DependencyInjection.Extensions;
using WidgetIdentity.Dialects;
using WidgetIdentity.Vendors;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a chat widget vendor of the app's own.</summary>
public static class WidgetVendorServiceCollectionExtensions
{
    /// <summary>
    /// Makes <typeparamref name="TVendor"/> available as <c>"Vendor": "<paramref name="name"/>"</c> (case-insensitive), for
    /// the root widget or any named one. The vendor is a singleton built by dependency injection.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or already names a built-in vendor.</exception>
    public static IServiceCollection AddWidgetVendor<TVendor>(this IServiceCollection services, string name)
        where TVendor : WidgetVendor
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (VendorDialects.Find(name) is not null)
        {
            throw new ArgumentException($"\"{name}\" is a built-in vendor of WidgetIdentity: give your own vendor another name.", nameof(name));
        }

        services.TryAddSingleton<TVendor>();
        services.AddSingleton(new WidgetVendorRegistration(name.Trim(), typeof(TVendor)));
        return services;
    }
}
