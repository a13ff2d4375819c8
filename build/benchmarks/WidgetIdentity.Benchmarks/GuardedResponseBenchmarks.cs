using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WidgetIdentity;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Benchmarks;

/// <summary>
/// The guard's fixed cost per response: a request through the guard middleware to an endpoint that sets a content
/// type and writes a 1 KB JSON body in one write, against the same endpoint called directly (the baseline). Each
/// request gets a fresh <see cref="DefaultHttpContext"/> whose body goes to <see cref="Stream.Null"/> and whose
/// response runs its <c>OnStarting</c> callbacks when it starts, as a server's does (the guard scans the headers
/// there); both sides pay for the context equally.
/// </summary>
[MemoryDiagnoser]
public class GuardedResponseBenchmarks
{
    private const string Secret = "BENCHMARK-ONLY-load-test-secret-0123"; // benchmark-only

    private static readonly byte[] Json = Encoding.UTF8.GetBytes(
        "{\"id\":42,\"name\":\"Comfortable everyday shoes\",\"description\":\"" + new string('x', 900) + "\",\"price\":59.9}");

    private static readonly RequestDelegate Endpoint = static context =>
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(Json).AsTask();
    };

    private SecretGuardMiddleware _guard = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new StaticOptionsMonitor(new WidgetIdentityOptions { Secret = Secret });
        var patterns = new SecretGuardPatterns(options);
        _guard = new SecretGuardMiddleware(Endpoint, patterns, new CleanStaticAssets(), NullLogger<SecretGuardMiddleware>.Instance, isDefault: true);
    }

    [Benchmark(Baseline = true, Description = "1 KB response, no guard")]
    public Task WithoutGuard() => Run(Endpoint);

    [Benchmark(Description = "1 KB response, through the guard")]
    public Task WithGuard() => Run(_guard.InvokeAsync);

    private static async Task Run(RequestDelegate pipeline)
    {
        var context = new DefaultHttpContext();
        var response = new StartingResponse();
        var body = new StartingBody(response);
        context.Features.Set<IHttpResponseFeature>(response);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        context.Response.Headers.Date = "Mon, 30 Nov 2026 12:00:00 GMT";
        context.Response.Headers.Server = "Kestrel";
        await pipeline(context);
        await body.CompleteAsync();
    }

    // A response feature that runs OnStarting callbacks once, when the body starts, last registered first.
    private sealed class StartingResponse : HttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> _starting = new();
        private bool _started;

        public override bool HasStarted => _started;

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Push((callback, state));

        public async Task StartAsync()
        {
            if (_started)
            {
                return;
            }

            while (_starting.TryPop(out var entry))
            {
                await entry.Callback(entry.State);
            }

            _started = true;
        }
    }

    private sealed class StartingBody(StartingResponse response) : StreamResponseBodyFeature(Stream.Null)
    {
        public override async Task StartAsync(CancellationToken cancellationToken = default)
        {
            await response.StartAsync();
            await base.StartAsync(cancellationToken);
        }

        public override async Task CompleteAsync()
        {
            await StartAsync();
            await base.CompleteAsync();
        }
    }

    private sealed class StaticOptionsMonitor(WidgetIdentityOptions value) : IOptionsMonitor<WidgetIdentityOptions>
    {
        public WidgetIdentityOptions CurrentValue => value;

        public WidgetIdentityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<WidgetIdentityOptions, string?> listener) => null;
    }
}
