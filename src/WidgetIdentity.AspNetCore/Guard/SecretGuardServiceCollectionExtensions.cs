using Microsoft.Extensions.DependencyInjection;

namespace WidgetIdentity.Guard;

/// <summary>Registers the secret guard (issue 3 fills this in).</summary>
internal static class SecretGuardServiceCollectionExtensions
{
    public static IServiceCollection AddSecretGuard(this IServiceCollection services) => services;
}
