using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace WidgetIdentity.Guard;

/// <summary>Registers the secret guard: on by default, outermost, with the start-up audit of the web root.</summary>
internal static class SecretGuardServiceCollectionExtensions
{
    public static IServiceCollection AddSecretGuard(this IServiceCollection services)
    {
        services.TryAddSingleton<SecretGuardPatterns>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, SecretGuardStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecretGuardStartupCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StaticAssetAudit>());
        return services;
    }
}
