using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Rendering;
using WidgetIdentity.Testing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Users.Profile;

/// <summary>
/// A real app on TestServer: ASP.NET Core Identity over EF Core on an in-memory SQLite database, its cookie, and
/// <c>AddWidgetIdentity().AddWidgetUserProfile&lt;ShopUser&gt;</c>. <c>POST /login/{id}</c> signs in with SignInManager;
/// <c>GET /page?widgets=n</c> renders the root Chatwoot widget, then n-1 times the named Chatku widget <c>support</c>.
/// </summary>
internal sealed class ProfileSite : IAsyncDisposable
{
    private const string IdentityCookie = ".AspNetCore.Identity.Application";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly CommandCounter _commands = new();
    private IHost _host = null!;

    public ListLoggerProvider Logs { get; } = new();

    public static async Task<ProfileSite> StartAsync(Action<WidgetUserProfile<ShopUser>> profile, IDictionary<string, string?>? settings = null)
    {
        var site = new ProfileSite();
        await site._connection.OpenAsync();
        site._host = site.Build(profile, settings ?? new Dictionary<string, string?>());
        await site._host.StartAsync();
        await using var scope = site._host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ShopDb>().Database.EnsureCreatedAsync();
        return site;
    }

    /// <summary>Creates <paramref name="user"/>, with <paramref name="claims"/> stored as its user claims (Identity puts them in its cookie).</summary>
    public Task CreateUserAsync(ShopUser user, params Claim[] claims) => WithUsersAsync(async users =>
    {
        Succeeded(await users.CreateAsync(user));
        if (claims.Length > 0)
        {
            Succeeded(await users.AddClaimsAsync(user, claims));
        }
    });

    /// <summary>Changes the stored user through <c>UserManager.UpdateAsync</c>, as a profile page does.</summary>
    public Task EditUserAsync(string id, Action<ShopUser> edit) => WithUsersAsync(async users =>
    {
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}.");
        edit(user);
        Succeeded(await users.UpdateAsync(user));
    });

    public Task DeleteUserAsync(string id) => WithUsersAsync(async users =>
        Succeeded(await users.DeleteAsync(await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}."))));

    /// <summary>Signs in through Identity's SignInManager and returns the authentication cookie (<c>name=value</c>).</summary>
    public async Task<string> LogInAsync(string id)
    {
        using var response = await _host.GetTestClient().PostAsync($"/login/{id}", content: null);
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(IdentityCookie + "=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>Gets the page and counts the database commands its request sent.</summary>
    public async Task<Page> GetPageAsync(string? cookie, int widgets = 1)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/page?widgets={widgets}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        _commands.Reset();
        using var response = await _host.GetTestClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        return new Page(WidgetUserMarkup.FindAll(html), _commands.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _connection.DisposeAsync();
    }

    private IHost Build(Action<WidgetUserProfile<ShopUser>> profile, IDictionary<string, string?> settings) => new HostBuilder()
        .ConfigureWebHost(web => web
            .UseTestServer()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WidgetIdentity:Secret"] = TestOptions.Secret,
                ["WidgetIdentity:Vendor"] = "Chatwoot",
                ["WidgetIdentity:Widgets:support:Vendor"] = "Chatku",
            }).AddInMemoryCollection(settings))
            .ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .ConfigureServices(services =>
            {
                services.AddRouting();
                services.AddDbContext<ShopDb>(options => options.UseSqlite(_connection).AddInterceptors(_commands));
                services.AddIdentity<ShopUser, IdentityRole>().AddEntityFrameworkStores<ShopDb>();
                services.AddWidgetIdentity().AddWidgetUserProfile(profile);
            })
            .Configure(app =>
            {
                app.UseRouting();
                app.UseAuthentication();
                app.UseEndpoints(routes =>
                {
                    routes.MapPost("/login/{id}", async (string id, UserManager<ShopUser> users, SignInManager<ShopUser> signIn) =>
                    {
                        await signIn.SignInAsync(await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}."), isPersistent: false);
                        return Results.Ok();
                    });
                    routes.MapGet("/page", WritePageAsync);
                });
            }))
        .Build();

    private static async Task WritePageAsync(HttpContext context)
    {
        var renderer = context.RequestServices.GetRequiredService<WidgetIdentityRenderer>();
        var widgets = int.Parse(context.Request.Query["widgets"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        await using var writer = new StringWriter();
        for (var i = 0; i < widgets; i++)
        {
            var html = await renderer.RenderAsync(context, new ChatWidgetRequest { Widget = i == 0 ? null : "support", IncludeScript = false });
            html.WriteTo(writer, HtmlEncoder.Default);
            writer.Write('\n');
        }

        await context.Response.WriteAsync(writer.ToString());
    }

    private async Task WithUsersAsync(Func<UserManager<ShopUser>, Task> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>());
    }

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(error => error.Description)));

    /// <summary>The widget users a page rendered, and how many database commands its request sent.</summary>
    public sealed record Page(IReadOnlyList<RenderedWidgetUser> Users, int Queries)
    {
        public RenderedWidgetUser User => Assert.Single(Users);
    }
}
