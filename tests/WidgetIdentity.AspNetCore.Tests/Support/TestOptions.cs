using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WidgetIdentity.Tests.Support;

/// <summary>Builds WidgetIdentity from in-memory configuration, as AddWidgetIdentity() sees it in an app.</summary>
internal static class TestOptions
{
    /// <summary>A test-only secret (never a real vendor key).</summary>
    public const string Secret = "TEST-ONLY-widget-secret-0123456789";

    public static ServiceProvider BuildServices(IDictionary<string, string?> settings, Action<WidgetIdentityOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services?.Invoke(collection);
        if (configure is null)
        {
            collection.AddWidgetIdentity();
        }
        else
        {
            collection.AddWidgetIdentity(configure);
        }

        return collection.BuildServiceProvider();
    }

    public static WidgetIdentityOptions Resolve(IDictionary<string, string?> settings) =>
        BuildServices(settings).GetRequiredService<IOptions<WidgetIdentityOptions>>().Value;

    public static OptionsValidationException ValidationFailure(IDictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(settings));
}
