using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WidgetIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// ASP.NET Core output caching set up carelessly in front of the whole site: every GET is cached by path alone, signed in
/// or not, before authentication even runs (the default policy would not cache signed-in pages).
/// </summary>
public static class CarelessOutputCache
{
    public static WebApplicationFactory<Program> WithCarelessOutputCache(this WebApplicationFactory<Program> site) =>
        site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddOutputCache(options => options.AddBasePolicy(new CacheEveryPagePolicy()));
            services.AddTransient<IStartupFilter, OutputCacheOutermost>();
        }));

    private sealed class CacheEveryPagePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/Login");
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    private sealed class OutputCacheOutermost : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseOutputCache();
            next(app);
        };
    }
}
