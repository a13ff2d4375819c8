using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Benchmarks;

/// <summary>
/// What <c>&lt;chat-widget-user /&gt;</c> costs a page: the renderer for a signed-in user (claims, HMAC, escaped JSON,
/// cache marking), against the by-hand way vendor docs show (HMAC, then JsonSerializer into an interpolated string).
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private const string Secret = "BENCHMARK-ONLY-render-secret-0123456789"; // test-only

    private WidgetIdentityRenderer _renderer = null!;
    private DefaultHttpContext _context = null!;
    private DefaultHttpContext _returningContext = null!;
    private ClaimsPrincipal _user = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = Secret,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWidgetIdentity().BuildServiceProvider();
        _renderer = services.GetRequiredService<WidgetIdentityRenderer>();
        _user = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "123456"),
                new Claim(ClaimTypes.GivenName, "Jane"),
                new Claim(ClaimTypes.Surname, "Doe"),
                new Claim(ClaimTypes.Email, "jane@example.com"),
            ],
            "Benchmark"));
        _context = new DefaultHttpContext { RequestServices = services, User = _user };

        // The usual page view: the browser already carries the hand-over cookie for this user, so none is written.
        _renderer.RenderAsync(_context, new ChatWidgetRequest()).GetAwaiter().GetResult();
        _returningContext = new DefaultHttpContext { RequestServices = services, User = _user };
        _returningContext.Request.Headers.Cookie = _context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    [Benchmark(Baseline = true, Description = "By hand: HMAC + JsonSerializer in an interpolated string")]
    public string ByHand()
    {
        var id = _user.FindFirst(ClaimTypes.NameIdentifier)!.Value;
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(id)));
        var data = JsonSerializer.Serialize(new
        {
            user_id = id,
            user_hash = hash,
            firstname = _user.FindFirst(ClaimTypes.GivenName)?.Value,
            lastname = _user.FindFirst(ClaimTypes.Surname)?.Value,
            email = _user.FindFirst(ClaimTypes.Email)?.Value,
        });
        return $"<script>window.ainisaUser = {data};</script>\n<script src=\"https://chatbot.ainisa.com/widget.js\"></script>";
    }

    [Benchmark(Description = "WidgetIdentityRenderer, signed-in user, first page (writes the hand-over cookie)")]
    public Task<Microsoft.AspNetCore.Html.IHtmlContent> Renderer()
    {
        _context.Response.Headers.Clear();
        return _renderer.RenderAsync(_context, new ChatWidgetRequest());
    }

    [Benchmark(Description = "WidgetIdentityRenderer, signed-in user, next page")]
    public Task<Microsoft.AspNetCore.Html.IHtmlContent> RendererReturningVisitor()
    {
        _returningContext.Response.Headers.Clear();
        return _renderer.RenderAsync(_returningContext, new ChatWidgetRequest());
    }
}
