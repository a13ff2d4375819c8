using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Guard;

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

    private sealed class OwnProvider : IResponseCompressionProvider
    {
        public int Calls { get; private set; }

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => null;

        public bool ShouldCompressResponse(HttpContext context) => ++Calls > 0;

        public bool CheckRequestAcceptsCompression(HttpContext context) => true;
    }
}
