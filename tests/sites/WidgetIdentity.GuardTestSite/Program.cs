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
    options.Providers.Add<GzipCompressionProvider>();
    options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/event-stream"]);
});

var app = builder.Build();
if (app.Configuration.GetValue<bool>("Site:ExplicitGuard"))
{
    app.UseWidgetIdentity();
    app.UseWidgetIdentity();
}

app.UseWhen(context => context.Request.Path.StartsWithSegments("/compressed"), branch => branch.UseResponseCompression());

string Secret(IServiceProvider services) => services.GetRequiredService<IOptions<WidgetIdentityOptions>>().Value.Secret!;

app.MapStaticAssets();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}");

app.MapGet("/api/options", (IOptions<WidgetIdentityOptions> options) => options.Value);
app.MapGet("/throw", (HttpContext context) =>
{
    throw new InvalidOperationException("Widget call failed with key " + Secret(context.RequestServices));
});
app.MapGet("/redirect", (HttpContext context) => Results.Redirect("/login?key=" + Uri.EscapeDataString(Secret(context.RequestServices))));
app.MapMethods("/cookie", ["GET", "HEAD"], (HttpContext context) =>
{
    context.Response.Cookies.Append("widget", Secret(context.RequestServices));
    return "cookie set";
});
app.MapGet("/compressed/text", (HttpContext context) => Results.Text("<p>compressed " + Secret(context.RequestServices) + "</p>", "text/html"));
app.MapGet("/compressed/clean", () => Results.Text("<p>" + new string('x', 4000) + "</p>", "text/html"));
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

/// <summary>A 100 KB HTML page like a real one: markup, text, a little inline script.</summary>
internal static class BigPage
{
    public static readonly string Html = Build();

    private static string Build()
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Shop</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>\n");
        for (var i = 0; html.Length < 100 * 1024 - 200; i++)
        {
            html.Append("<div class=\"product card\"><h2>Product ").Append(i)
                .Append("</h2><p>Comfortable everyday shoes &amp; socks, 20% off this week. Free delivery on orders over &pound;30.</p>")
                .Append("<a href=\"/products/").Append(i).Append("?ref=list&amp;page=2\">Details</a></div>\n");
        }

        return html.Append("<script>window.shop = {\"page\":2};</script></body></html>").ToString();
    }
}

/// <summary>Lets the integration tests start the site.</summary>
public partial class Program;
