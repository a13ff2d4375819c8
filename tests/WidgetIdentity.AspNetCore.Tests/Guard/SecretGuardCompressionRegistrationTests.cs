using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Guard;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Guard;

public class SecretGuardCompressionRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_apps_compression_provider_is_decorated_whichever_is_registered_first(bool guardFirst)
    {
        var services = new ServiceCollection().AddOptions().AddLogging();
        if (guardFirst)
        {
            services.AddSecretGuard();
            services.AddResponseCompression();
        }
        else
        {
            services.AddResponseCompression();
            services.AddSecretGuard();
        }

        services.AddSecretGuard(); // twice: decorated once
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SecretGuardCompressionProvider>(provider.GetRequiredService<IResponseCompressionProvider>());
        Assert.Single(services, service => service.ServiceType == typeof(IResponseCompressionProvider));
    }

    [Fact]
    public void An_apps_own_provider_is_kept_inside_the_decorator()
    {
        var services = new ServiceCollection();
        var own = new OwnProvider();
        services.AddSingleton<IResponseCompressionProvider>(own);
        services.AddSecretGuard();
        using var provider = services.BuildServiceProvider();

        var decorated = provider.GetRequiredService<IResponseCompressionProvider>();

        Assert.True(decorated.ShouldCompressResponse(new DefaultHttpContext()));
        Assert.Equal(1, own.Calls);
    }

    [Fact]
    public void A_second_AddSecretGuard_leaves_the_decorated_registration_as_it_was()
    {
        var services = new ServiceCollection().AddOptions().AddLogging();
        services.AddResponseCompression();
        services.AddSecretGuard();
        var decorated = Assert.Single(services, service => service.ServiceType == typeof(IResponseCompressionProvider));
        var count = services.Count;

        services.AddSecretGuard();

        Assert.Same(decorated, Assert.Single(services, service => service.ServiceType == typeof(IResponseCompressionProvider)));
        Assert.Equal(count, services.Count);
    }

    [Theory]
    [InlineData(ServiceLifetime.Scoped)]
    [InlineData(ServiceLifetime.Transient)]
    public void The_decorated_provider_keeps_the_lifetime_the_app_gave_its_own(ServiceLifetime lifetime)
    {
        IServiceCollection services = new ServiceCollection();
        services.Add(new ServiceDescriptor(typeof(IResponseCompressionProvider), typeof(OwnProvider), lifetime));

        services.AddSecretGuard();

        Assert.Equal(lifetime, Assert.Single(services, service => service.ServiceType == typeof(IResponseCompressionProvider)).Lifetime);
    }

    [Fact]
    public async Task The_start_up_check_is_registered_once_and_warns_at_start_up()
    {
        var logs = new ListLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Guard:Protect:0"] = "Payments:Strpie:SecretKey",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs))
            .AddWidgetIdentity();
        services.AddSecretGuard();
        using var provider = services.BuildServiceProvider();

        var check = Assert.Single(provider.GetServices<IHostedService>().OfType<SecretGuardStartupCheck>());
        await check.StartAsync(CancellationToken.None);

        Assert.Equal(108, Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Warning).EventId.Id);
    }

    private sealed class OwnProvider : IResponseCompressionProvider
    {
        public int Calls { get; private set; }

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => null;

        public bool ShouldCompressResponse(HttpContext context) => ++Calls > 0;

        public bool CheckRequestAcceptsCompression(HttpContext context) => true;
    }
}
