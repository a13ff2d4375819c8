using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Testing.Tests.Support;

/// <summary>Renders the tag's output through the real <see cref="WidgetIdentityRenderer"/> for one request, as a site would.</summary>
internal static class TestSite
{
    public const string Secret = "TEST-ONLY-widget-secret-0123456789";
    public const string OtherSecret = "TEST-ONLY-another-secret-0123456789";
    public const string HostileName = "Zoë \"</script><script>alert(1)</script>\" O'Brien 🎉\u2028";
    public const string AppId = "app_0123abcd";
    public const string KeyId = "app_64aa01";
    public const string JaneEmail = "jane@example.com";

    /// <summary>The settings each vendor's start-up validation requires beside the secret.</summary>
    public static Dictionary<string, string?> SettingsFor(string vendor) => vendor switch
    {
        "Intercom" or "FrontChat" or "Featurebase" => new() { ["WidgetIdentity:AppId"] = AppId },
        "Zendesk" => new() { ["WidgetIdentity:KeyId"] = KeyId },
        _ => [],
    };

    public static async Task<string> Render(string vendor, string? firstName, string? id = "7", string? email = null, string? cookie = null,
        Claim[]? attributes = null, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var (_, html) = await RenderContext(vendor, firstName, id, email, cookie, attributes, settings, time);
        return html;
    }

    /// <summary>What the page for Jane (id 7, jane@example.com, <see cref="HostileName"/>, plan "gold") gives the vendor.</summary>
    public static async Task<RenderedWidgetUser> RenderJane(string vendor, string? signing) =>
        Assert.IsType<RenderedWidgetUser>(WidgetUserMarkup.Find(await Render(vendor, HostileName, email: JaneEmail,
            attributes: [new Claim("plan", "gold")], settings: signing is null ? null : new Dictionary<string, string?> { ["WidgetIdentity:Signing"] = signing })));

    /// <summary>The cookie a page that identified Jane (id 7) leaves in the browser, as the next request sends it.</summary>
    public static async Task<string> CookieAfterJane(string vendor, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (first, _) = await RenderContext(vendor, "Jane", "7", "jane@example.com", settings: settings);
        return first.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    public static async Task<(DefaultHttpContext Context, string Html)> RenderContext(string vendor, string? firstName, string? id = "7",
        string? email = null, string? cookie = null, Claim[]? attributes = null, IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>(SettingsFor(vendor))
        {
            ["WidgetIdentity:Secret"] = Secret,
            ["WidgetIdentity:Vendor"] = vendor,
            ["WidgetIdentity:Claims:CustomAttributes:plan"] = "plan",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var provider = services.AddWidgetIdentity().BuildServiceProvider();
        Claim[] claims = id is null
            ? []
            : [
                new Claim(ClaimTypes.NameIdentifier, id),
                new Claim(ClaimTypes.GivenName, firstName ?? ""),
                .. email is null ? [] : new[] { new Claim(ClaimTypes.Email, email) },
                .. attributes ?? [],
            ];
        var context = new DefaultHttpContext
        {
            RequestServices = provider,
            User = new ClaimsPrincipal(new ClaimsIdentity(claims, id is null ? null : "Test")),
        };
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        var html = await provider.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest());
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return (context, writer.ToString());
    }
}
