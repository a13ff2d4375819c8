// The guard's test site: every way a site might leak the widget secret, each on its own endpoint.
// The secrets in appsettings.json are test-only values.
using System.Text;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using WidgetIdentity;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWidgetIdentity();
builder.Services.AddControllersWithViews();
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.Providers.Add<BrotliCompressionProvider>();
    options.Providers.Add<GzipCompressionProvider>();
    options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/event-stream"]);
});

if (builder.Configuration.GetValue<bool>("Site:GuardOff"))
{
    // For build/load-guard.sh only: the same site without the guard, to measure what the guard costs.
    var guardFilter = builder.Services.Single(service => service.ImplementationType?.Name == "SecretGuardStartupFilter");
    builder.Services.Remove(guardFilter);
}

if (builder.Configuration.GetValue<bool>("Site:NoStartupAudit"))
{
    // For Block-mode tests: the web root holds a leak on purpose (js/leak.js), which the audit refuses in Block mode.
    var audit = builder.Services.Single(service => service.ImplementationType?.Name == "StaticAssetAudit");
    builder.Services.Remove(audit);
}

var app = builder.Build();
var guardInsideCompression = app.Configuration.GetValue<bool>("Site:GuardInsideCompression");
if (app.Configuration.GetValue<bool>("Site:ExplicitGuard") && !guardInsideCompression)
{
    app.UseWidgetIdentity();
    app.UseWidgetIdentity();
}

app.UseWhen(context => context.Request.Path.StartsWithSegments("/compressed"), branch => branch.UseResponseCompression());
if (guardInsideCompression)
{
    app.UseWidgetIdentity();
}

string Secret(IServiceProvider services) => services.GetRequiredService<IOptions<WidgetIdentityOptions>>().Value.Secret!;

app.MapStaticAssets();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}");

app.MapGet("/api/options", (IOptions<WidgetIdentityOptions> options) => options.Value);
app.MapGet("/throw", (HttpContext context) =>
{
    throw new InvalidOperationException("Widget call failed with key " + Secret(context.RequestServices));
});
// Guard:Protect: other configuration values a careless endpoint leaks (the tests configure them and the keys to protect).
app.MapGet("/throw/database", (IConfiguration configuration) =>
{
    throw new InvalidOperationException("Cannot open the database with " + configuration.GetConnectionString("Shop"));
});
app.MapGet("/api/payments", (IConfiguration configuration) =>
    Results.Json(new { Provider = "stripe", Settings = configuration.GetSection("Payments:Stripe").GetChildren().ToDictionary(child => child.Key, child => child.Value) }));
app.MapGet("/config", (IConfiguration configuration, string key) => Results.Text("<p>" + configuration[key] + "</p>", "text/html"));
app.MapGet("/redirect", (HttpContext context) => Results.Redirect("/login?key=" + Uri.EscapeDataString(Secret(context.RequestServices))));
app.MapMethods("/cookie", ["GET", "HEAD"], (HttpContext context) =>
{
    context.Response.Cookies.Append("widget", Secret(context.RequestServices));
    return "cookie set";
});
app.MapGet("/compressed/text", (HttpContext context) => Results.Text("<p>compressed " + Secret(context.RequestServices) + "</p>", "text/html"));
app.MapGet("/compressed/body", async (HttpContext context) =>
{
    // The same as /compressed/text, written through the Stream without starting the response first.
    context.Response.ContentType = "text/html";
    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>compressed " + Secret(context.RequestServices) + "</p>"));
});
app.MapGet("/compressed/clean", () => Results.Text("<p>" + new string('x', 4000) + "</p>", "text/html"));
app.MapGet("/compressed/page", async (HttpContext context, bool? flush) =>
{
    // The 100 KB page, the secret, the page again, in writes of up to 16 KB, one ending inside the secret; with
    // flush=true the first write is flushed, so the response has started when the secret comes.
    context.Response.ContentType = "text/html";
    var secret = Secret(context.RequestServices);
    var first = true;
    foreach (var part in new[] { BigPage.Html + secret[..10], secret[10..] + BigPage.Html })
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        for (var offset = 0; offset < bytes.Length; offset += 16384)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(16384, bytes.Length - offset)));
            if (flush == true && first)
            {
                await context.Response.Body.FlushAsync();
                first = false;
            }
        }
    }
});
app.MapGet("/tail", (HttpContext context) =>
    // Ends in the first characters of the secret, never completed: held back to the end, then sent as they are.
    Results.Text("<p>clean page</p>" + Secret(context.RequestServices)[..12], "text/html"));
app.MapGet("/encoded", async (HttpContext context) =>
{
    // A body the app gzips itself (as a proxy or a cache would send it): the guard decodes it on the side to scan it.
    context.Response.ContentType = "text/html";
    context.Response.Headers.ContentEncoding = "gzip";
    using var compressed = new MemoryStream();
    using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest))
    {
        gzip.Write(Encoding.UTF8.GetBytes("<p>" + new string('x', 4000) + "</p>"));
    }

    await context.Response.Body.WriteAsync(compressed.ToArray());
});
app.MapGet("/events", async (HttpContext context) =>
{
    // Server-sent events, flushed after each; the secret is split across two flushes.
    context.Response.ContentType = "text/event-stream";
    var secret = Secret(context.RequestServices);
    foreach (var line in new[] { "data: first\n\n", "data: " + secret[..10], secret[10..] + "\n\n", "data: last\n\n" })
    {
        await context.Response.WriteAsync(line);
        await context.Response.Body.FlushAsync();
    }
});
app.MapGet("/events/open", async (HttpContext context) =>
{
    // One event, flushed, then the stream stays open until the client leaves: the event must arrive meanwhile.
    context.Response.ContentType = "text/event-stream";
    await context.Response.WriteAsync("data: first\n\n");
    await context.Response.Body.FlushAsync();
    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
});
app.MapGet("/big", () => Results.Text(BigPage.Html, "text/html"));
app.MapGet("/stream", async (HttpContext context, long megabytes) =>
{
    // A long streamed response for the memory measurement: clean HTML, 64 KB at a time.
    var chunk = Encoding.UTF8.GetBytes(BigPage.Html[..65536]);
    for (long sent = 0; sent < megabytes << 20; sent += chunk.Length)
    {
        await context.Response.Body.WriteAsync(chunk);
    }
});

app.Run();

/// <summary>Lets the integration tests start the site.</summary>
public partial class Program;
