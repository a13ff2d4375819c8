// A lean site for build/load-guard.sh: each way an endpoint writes a response, as a new user would deploy it, so
// the guard's cost per request is measured where it weighs most. The secret is a benchmark-only value.
using System.Text;
using WidgetIdentity;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWidgetIdentity();
if (builder.Configuration.GetValue<bool>("LoadSite:GuardOff"))
{
    // The same site without the guard, to measure what the guard costs.
    builder.Services.Remove(builder.Services.Single(service => service.ImplementationType?.Name == "SecretGuardStartupFilter"));
}

var app = builder.Build();
var page = Encoding.UTF8.GetBytes(BigPage.Html);
var product = new Product(
    42, "Comfortable everyday shoes", "Soft leather upper, cushioned sole, free delivery on orders over 30 pounds.",
    59.90m, "GBP", ["shoes", "leather", "everyday", "sale"],
    [new Review("Jane", 5, "Lovely and warm, true to size."), new Review("Bob", 4, "Good shoes, the laces are a little short.")],
    new Stock(true, 17, "Ships in 1-2 working days from our warehouse."),
    "/images/products/42/main.jpg", "/products/42?ref=api&page=2");

app.MapStaticAssets(); // wwwroot/page.html: the 100 KB page as a static file
app.MapGet("/stream/{size:int}", async (HttpContext context, int size) =>
{
    // The 100 KB page through Response.Body.WriteAsync in writes of `size` bytes.
    context.Response.ContentType = "text/html; charset=utf-8";
    for (var offset = 0; offset < page.Length; offset += size)
    {
        await context.Response.Body.WriteAsync(page.AsMemory(offset, Math.Min(size, page.Length - offset)));
    }
});
app.MapGet("/pipe", async (HttpContext context) =>
{
    // The same page through the response PipeWriter.
    context.Response.ContentType = "text/html; charset=utf-8";
    await context.Response.BodyWriter.WriteAsync(page);
});
app.MapGet("/json", () => Results.Json(product)); // about 1 KB of JSON

app.Run();

internal sealed record Product(
    int Id, string Name, string Description, decimal Price, string Currency, string[] Tags, Review[] Reviews, Stock Stock,
    string Image, string Link);

internal sealed record Review(string Author, int Stars, string Text);

internal sealed record Stock(bool Available, int Quantity, string Delivery);
