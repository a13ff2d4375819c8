using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Guard;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Guard;

/// <summary>The guard AddWidgetIdentity puts outermost through its startup filter, and how it stands aside for UseWidgetIdentity().</summary>
public class SecretGuardStartupFilterTests
{
    [Fact]
    public async Task The_guard_is_around_every_middleware_the_app_adds()
    {
        var seen = new List<string>();

        await Run(app => app.Run(context => Record(seen, "app", context)));

        Assert.Equal(["app: guarded"], seen);
    }

    [Fact]
    public async Task The_guard_stands_aside_where_the_app_places_it_with_UseWidgetIdentity()
    {
        var seen = new List<string>();

        await Run(app =>
        {
            app.Use((context, next) => Record(seen, "before", context, next));
            app.UseWidgetIdentity();
            app.Run(context => Record(seen, "after", context));
        });

        Assert.Equal(["before: not guarded", "after: guarded"], seen);
    }

    [Fact]
    public void A_missing_next_step_is_named()
    {
        Assert.Throws<ArgumentNullException>("next", () => new SecretGuardStartupFilter().Configure(null!));
    }

    private static Task Record(List<string> seen, string where, HttpContext context, RequestDelegate? next = null)
    {
        seen.Add(where + (context.Features.Get<ISecretGuardFeature>() is null ? ": not guarded" : ": guarded"));
        return next is null ? Task.CompletedTask : next(context);
    }

    // The app's pipeline as the host builds it: each registered startup filter around the app's own configuration.
    private static async Task Run(Action<IApplicationBuilder> configureApp)
    {
        using var services = TestOptions.BuildServices(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret });
        var filter = Assert.Single(services.GetServices<IStartupFilter>().OfType<SecretGuardStartupFilter>());
        var app = new ApplicationBuilder(services);
        filter.Configure(configureApp)(app);
        var pipeline = app.Build();

        await pipeline(new DefaultHttpContext { RequestServices = services });
    }
}
