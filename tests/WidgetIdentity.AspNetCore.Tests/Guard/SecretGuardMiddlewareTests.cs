using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Guard;

/// <summary>The middleware around the app: what the app sees of the request, what the client receives, what is left afterwards.</summary>
public class SecretGuardMiddlewareTests
{
    private static readonly string SecretStart = TestOptions.Secret[..12];

    [Fact]
    public async Task The_app_sees_neither_Range_nor_If_Range()
    {
        var (context, _) = Context();
        context.Request.Headers.Range = "bytes=0-9";
        context.Request.Headers.IfRange = "\"v1\"";
        var seen = new List<string>();

        await Run(context, app => { seen.AddRange(app.Request.Headers.Keys); return Task.CompletedTask; });

        Assert.DoesNotContain("Range", seen);
        Assert.DoesNotContain("If-Range", seen);
    }

    [Fact]
    public async Task A_page_that_ends_in_the_start_of_the_secret_reaches_the_client_whole()
    {
        var (context, output) = Context();

        await Run(context, app => app.Response.WriteAsync("<p>clean</p>" + SecretStart));

        Assert.Equal("<p>clean</p>" + SecretStart, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task A_blocked_response_leaves_as_an_empty_500_even_if_the_app_sets_another_status_afterwards()
    {
        var (context, output) = Context();

        await Run(context, async app =>
        {
            await app.Response.WriteAsync("<p>" + TestOptions.Secret + "</p>");
            app.Response.StatusCode = StatusCodes.Status200OK;
        }, mode: "Block");

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Empty(output.ToArray());
    }

    [Fact]
    public async Task After_the_app_the_response_body_is_the_servers_again_and_the_response_no_longer_guarded()
    {
        var (context, _) = Context();
        var serverBody = context.Features.Get<IHttpResponseBodyFeature>();

        await Run(context, app => app.Response.WriteAsync("<p>clean</p>"));

        Assert.Same(serverBody, context.Features.Get<IHttpResponseBodyFeature>());
        Assert.Null(context.Features.Get<ISecretGuardFeature>());
    }

    [Fact]
    public async Task A_static_asset_the_audit_found_clean_is_sent_without_a_scan()
    {
        var (context, output) = Context();
        var file = "var key = '" + TestOptions.Secret + "';"; // a secret the "audit" did not see: a scan would mask it
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new StaticAssetDescriptor
        {
            Route = "js/app.js",
            AssetPath = "js/app.js",
            Selectors = [],
            Properties = [],
            ResponseHeaders = [],
        }), "js/app.js"));
        context.Response.ContentLength = Encoding.UTF8.GetByteCount(file);

        await Run(context, app => app.Response.WriteAsync(file), audit: (clean, patterns) => clean.Record(patterns, [new("js/app.js", Encoding.UTF8.GetByteCount(file))]));

        Assert.Equal(file, Encoding.UTF8.GetString(output.ToArray()));
    }

    private static (DefaultHttpContext Context, MemoryStream Output) Context()
    {
        var output = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Request.Path = "/test";
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(output));
        return (context, output);
    }

    private static async Task Run(HttpContext context, RequestDelegate app, string mode = "Redact", Action<CleanStaticAssets, WidgetIdentity.Guard.Scanning.SecretPatternSet>? audit = null)
    {
        using var services = TestOptions.BuildServices(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Guard:Mode"] = mode,
        });
        var patterns = services.GetRequiredService<SecretGuardPatterns>();
        var clean = new CleanStaticAssets();
        audit?.Invoke(clean, patterns.Current(out _)!);
        var middleware = new SecretGuardMiddleware(app, patterns, clean, NullLogger<SecretGuardMiddleware>.Instance, isDefault: false);

        await middleware.InvokeAsync(context);
    }
}
