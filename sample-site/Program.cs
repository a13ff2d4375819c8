using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SampleSite;
using SampleSite.Data;

var builder = WebApplication.CreateBuilder(args);

// Settings are read when first needed (not here), so test hosts and any configuration provider can override them.
builder.Services.AddDbContext<SampleDbContext>((services, options) =>
    options.UseSqlite(SqliteConnectionString(services)));

builder.Services.AddIdentity<SampleUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = false; // some users have no email (a kiosk account, a single sign-on account)
        options.SignIn.RequireConfirmedAccount = false;
    })
    .AddEntityFrameworkStores<SampleDbContext>();

builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Login";
    options.LogoutPath = "/Logout";
    options.AccessDeniedPath = "/Login";
    options.Cookie.IsEssential = true; // signing in needs it, consent or not
});

// Cookie consent is off by default; SampleSite:RequireCookieConsent=true shows the banner, and until the visitor
// accepts, <chat-widget-user /> sends the widget no personal data.
builder.Services.AddOptions<CookiePolicyOptions>().Configure<IConfiguration>((options, configuration) =>
{
    var required = configuration.GetValue<bool>("SampleSite:RequireCookieConsent");
    options.CheckConsentNeeded = _ => required;
    options.MinimumSameSitePolicy = SameSiteMode.Lax;
});

// Reads the WidgetIdentity section and refuses to start without a real secret (Development has a demo one); the names
// and picture come from the user's row (see SampleUserProfile), so an edit on /Profile shows on the next page.
builder.Services.AddWidgetIdentity().AddWidgetUserProfile<SampleUser>(SampleUserProfile.Map);

// For build/load-guard.sh only: the same site without the secret guard, to measure what the guard costs.
var guardOffForBenchmark = builder.Configuration.GetValue<bool>("SampleSite:Benchmark:GuardOff");
if (guardOffForBenchmark)
{
    builder.Services.Remove(builder.Services.Single(service => service.ImplementationType?.Name == "SecretGuardStartupFilter"));
}

builder.Services.AddRazorPages();
builder.Services.AddControllersWithViews();
builder.Services.AddRazorComponents() // the Blazor Web App section under /blazor
    .AddInteractiveServerComponents()
    .AddInteractiveWebAssemblyComponents();

var app = builder.Build();

await DemoUsers.InitializeAsync(app.Services, app.Configuration.GetValue<bool>("SampleSite:SeedDemoUsers"));

if (!guardOffForBenchmark)
{
    app.UseWidgetIdentity();
}
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseContentSecurityPolicy();
app.UseCookiePolicy();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorPages();
app.MapControllerRoute("default", "{controller}/{action=Index}/{id?}"); // "/" is the Index Razor Page
app.MapRazorComponents<SampleSite.Components.App>()
    .AddInteractiveServerRenderMode()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(SampleSite.Client.Pages.WebAssemblyCounter).Assembly);

app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));

await app.RunAsync();

static string SqliteConnectionString(IServiceProvider services)
{
    var configured = services.GetRequiredService<IConfiguration>().GetConnectionString("SampleSite")
        ?? throw new InvalidOperationException("ConnectionStrings:SampleSite is not set.");
    var connection = new SqliteConnectionStringBuilder(configured);
    var isFile = connection.Mode != SqliteOpenMode.Memory && connection.DataSource is not ("" or ":memory:")
        && !connection.DataSource.StartsWith("file:", StringComparison.Ordinal);
    if (isFile && !Path.IsPathRooted(connection.DataSource))
    {
        // Relative to the site, not to wherever `dotnet run` was started.
        connection.DataSource = Path.Combine(services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, connection.DataSource);
    }

    return connection.ToString();
}

static void PrintWelcome(WebApplication app)
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
    if (addresses is null || addresses.Count == 0)
    {
        return; // in-memory test server: nobody to tell
    }

    Console.WriteLine();
    Console.WriteLine("WidgetIdentity sample site");
    foreach (var address in addresses)
    {
        Console.WriteLine($"  Open {address}");
    }

    if (app.Configuration.GetValue<bool>("SampleSite:SeedDemoUsers"))
    {
        Console.WriteLine($"  Demo logins (password for all: {DemoUsers.Password}):");
        foreach (var user in DemoUsers.All)
        {
            Console.WriteLine($"    {DemoUsers.Login(user),-20} {DemoUsers.Describe(user).ReplaceLineEndings(" ").Replace('\u2028', ' ')}");
        }
    }

    Console.WriteLine($"  Widget vendor: {app.Configuration["WidgetIdentity:Vendor"]}; environment: {app.Environment.EnvironmentName}");
    Console.WriteLine();
}

/// <summary>The entry point, public so <c>WebApplicationFactory&lt;Program&gt;</c> can host the site in tests.</summary>
public partial class Program;
