using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.SignOut;

/// <summary>Small real apps on TestServer: cookie authentication alone, ASP.NET Core Identity, or JWT bearer alone.</summary>
internal static class SignOutSites
{
    /// <summary>
    /// Cookie authentication (the default scheme). <c>POST /signout</c> signs out and renders the widget in the same response;
    /// <c>GET /page</c> renders it.
    /// </summary>
    public static Task<IHost> CookieAppAsync(IDictionary<string, string?> settings) => StartAsync(
        settings,
        services => services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(),
        endpoints => endpoints.MapPost("/signout", async context =>
        {
            await context.SignOutAsync();
            await WriteWidgetAsync(context);
        }));

    /// <summary>
    /// ASP.NET Core Identity: <c>POST /signout</c> is <c>SignInManager.SignOutAsync</c>; <c>GET /login</c> signs out the external
    /// cookie, as Identity's login page does on every visit.
    /// </summary>
    public static Task<IHost> IdentityAppAsync(IDictionary<string, string?> settings) => StartAsync(
        settings,
        services => services.AddIdentity<IdentityUser, IdentityRole>().AddUserStore<EmptyUserStore>().AddRoleStore<EmptyRoleStore>(),
        endpoints =>
        {
            endpoints.MapPost("/signout", async (SignInManager<IdentityUser> signInManager) =>
            {
                await signInManager.SignOutAsync();
                return Results.Ok();
            });
            endpoints.MapGet("/login", async context =>
            {
                await context.SignOutAsync(IdentityConstants.ExternalScheme);
                await WriteWidgetAsync(context);
            });
        });

    /// <summary>A cookie that authenticates <paramref name="principal"/> for the app's default cookie scheme.</summary>
    public static async Task<string> AuthenticationCookieAsync(IHost host, ClaimsPrincipal principal, string scheme)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        await context.SignInAsync(scheme, principal);
        var setCookie = context.Response.Headers.SetCookie.ToString();
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    public static ClaimsPrincipal Principal(string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Email, "jane@example.com")], scheme));

    public static async Task<IHost> StartAsync(
        IDictionary<string, string?> settings, Action<IServiceCollection> authentication, Action<IEndpointRouteBuilder> endpoints)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings))
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    authentication(services);
                    services.AddWidgetIdentity();
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseEndpoints(routes =>
                    {
                        routes.MapGet("/page", WriteWidgetAsync);
                        endpoints(routes);
                    });
                }))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WriteWidgetAsync(HttpContext context)
    {
        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>()
            .RenderAsync(context, new ChatWidgetRequest { IncludeScript = false });
        await using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        await context.Response.WriteAsync(writer.ToString());
    }

    public static Dictionary<string, string?> Settings(string vendor = "Chatwoot") => new()
    {
        ["WidgetIdentity:Secret"] = TestOptions.Secret,
        ["WidgetIdentity:Vendor"] = vendor,
    };
}
