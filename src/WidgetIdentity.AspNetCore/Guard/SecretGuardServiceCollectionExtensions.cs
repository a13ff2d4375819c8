using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.ResponseCompression;
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
        services.TryAddSingleton<CleanStaticAssets>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, SecretGuardStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecretGuardStartupCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StaticAssetAudit>());
        DecorateResponseCompression(services);
        return services;
    }

    // The app's response compression scans through the guard wherever the app places it. AddResponseCompression
    // only adds its provider when none is registered, so this works whether it is called before or after.
    private static void DecorateResponseCompression(IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(SecretGuardCompressionProvider)))
        {
            return;
        }

        services.AddSingleton<SecretGuardCompressionProvider>(_ => throw new InvalidOperationException("Only marks the decoration as done."));
        var existing = services.LastOrDefault(service => service.ServiceType == typeof(IResponseCompressionProvider) && !service.IsKeyedService);

        Func<IServiceProvider, IResponseCompressionProvider> inner = existing switch
        {
            null => static provider => ActivatorUtilities.CreateInstance<ResponseCompressionProvider>(provider),
            { ImplementationInstance: IResponseCompressionProvider instance } => _ => instance,
            { ImplementationFactory: { } factory } => provider => (IResponseCompressionProvider)factory(provider),
            { ImplementationType: { } type } => provider => (IResponseCompressionProvider)ActivatorUtilities.CreateInstance(provider, type),
            _ => static provider => ActivatorUtilities.CreateInstance<ResponseCompressionProvider>(provider),
        };

        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.Add(ServiceDescriptor.Describe(
            typeof(IResponseCompressionProvider),
            provider => new SecretGuardCompressionProvider(inner(provider)),
            existing?.Lifetime ?? ServiceLifetime.Singleton));
    }
}
