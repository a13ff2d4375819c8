// The AutoInclude test site: Razor Pages and MVC views over one layout that has no <chat-widget-user />, and pages
// that opt out or write the tag themselves. Who is signed in comes from a request header (TestUserHandler).
// The secrets in appsettings.json are test-only values.
using Microsoft.AspNetCore.Authentication;
using WidgetIdentity.RazorTestSite;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWidgetIdentity();
builder.Services.AddControllersWithViews();
builder.Services.AddRazorPages();
builder.Services.AddAuthentication(TestUserHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, TestUserHandler>(TestUserHandler.SchemeName, null);

var app = builder.Build();
app.UseAuthentication();
app.MapRazorPages();
app.MapControllerRoute("default", "{controller}/{action=Index}");
app.MapGet("/api/user", (HttpContext context) => new { id = context.User.Identity?.Name });

app.Run();

/// <summary>Lets the integration tests start the site.</summary>
public partial class Program;
