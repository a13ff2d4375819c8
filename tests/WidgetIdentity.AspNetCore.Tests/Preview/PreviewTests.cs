using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Preview;

public sealed class PreviewTests
{
    /// <summary>
    /// HMAC-SHA256 of "1" under <see cref="TestOptions.Secret"/>, computed outside .NET, never by the package:
    /// <c>python3 -c 'import hmac,hashlib;print(hmac.new(b"TEST-ONLY-widget-secret-0123456789",b"1",hashlib.sha256).hexdigest())'</c>.
    /// </summary>
    private const string HashOf1 = "6d33a5d241b9dbef9813f3ea9d840423b426cdf33dc236d65341c07baec15d49";

    [Fact]
    public async Task Preview_mode_outside_development_stops_the_app_at_start_up()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Environments.Production, preview: true));

        Assert.Contains("preview mode", error.Message);
        Assert.Contains("Add \"AllowPreviewOutsideDevelopment\": true to the section \"WidgetIdentity\": { ... } in appsettings.json", error.Message);
        Assert.DoesNotContain(TestOptions.Secret, error.Message);
    }

    [Fact]
    public async Task Preview_mode_outside_development_starts_when_the_app_opts_in()
    {
        using var host = await StartAsync(Environments.Staging, preview: true, optIn: true);

        Assert.Equal(HttpStatusCode.OK, (await host.GetTestClient().GetAsync("/_widgetidentity/preview.js")).StatusCode);
    }

    [Fact]
    public async Task The_page_loads_the_preview_widget_instead_of_the_vendor_script()
    {
        using var host = await StartAsync(Environments.Development, preview: true);

        var html = await host.GetTestClient().GetStringAsync("/page");

        Assert.Contains($"window.ainisaUser = {{\"user_id\":\"1\",\"user_hash\":\"{HashOf1}\"", html);
        Assert.Contains("<script src=\"/_widgetidentity/preview.js?vendor=Ainisa&amp;mode=global&amp;object=ainisaUser", html);
        Assert.DoesNotContain("chatbot.ainisa.com", html);
    }

    [Fact]
    public void Vendor_Preview_asks_for_the_preview_widget_even_where_Preview_is_false()
    {
        var options = new WidgetIdentityOptions { Vendor = "preview", Preview = false };

        Assert.True(WidgetIdentity.Configuration.WidgetSettings.Preview(options, options));
    }

    [Fact]
    public async Task The_preview_script_is_served_as_javascript()
    {
        using var host = await StartAsync(Environments.Development, preview: true);

        var response = await host.GetTestClient().GetAsync("/_widgetidentity/preview.js");

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("__widgetIdentityPreview", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_answers_true_for_the_right_hash_and_false_for_a_tampered_one_and_never_a_hash()
    {
        using var host = await StartAsync(Environments.Development, preview: true);
        var client = host.GetTestClient();

        var right = await client.PostAsJsonAsync("/_widgetidentity/preview/verify", new { userId = "1", hash = HashOf1 });
        var tampered = await client.PostAsJsonAsync("/_widgetidentity/preview/verify", new { userId = "2", hash = HashOf1 });

        Assert.Equal("{\"verified\":true}", await right.Content.ReadAsStringAsync());
        Assert.Equal("{\"verified\":false}", await tampered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_rejects_a_malformed_request_with_400()
    {
        using var host = await StartAsync(Environments.Development, preview: true);

        var response = await host.GetTestClient().PostAsync("/_widgetidentity/preview/verify",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Without_preview_mode_the_endpoints_do_not_exist()
    {
        using var host = await StartAsync(Environments.Development, preview: false);
        var client = host.GetTestClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/_widgetidentity/preview.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/_widgetidentity/preview/verify", new { userId = "1", hash = "00" })).StatusCode);
    }

    private static async Task<IHost> StartAsync(string environment, bool preview, bool optIn = false)
    {
        var host = new HostBuilder()
            .UseEnvironment(environment)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services.AddRouting().AddWidgetIdentity(options =>
                {
                    options.Secret = TestOptions.Secret;
                    options.Preview = preview;
                    options.AllowPreviewOutsideDevelopment = optIn;
                }))
                .Configure(app => app
                    .Use((context, next) =>
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1")], "Test"));
                        return next(context);
                    })
                    .Run(async context =>
                    {
                        if (context.Request.Path != "/page")
                        {
                            context.Response.StatusCode = StatusCodes.Status404NotFound;
                            return;
                        }

                        var renderer = context.RequestServices.GetRequiredService<WidgetIdentity.Rendering.WidgetIdentityRenderer>();
                        var html = await renderer.RenderAsync(context, new WidgetIdentity.Rendering.ChatWidgetRequest());
                        await using var writer = new StringWriter();
                        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                        await context.Response.WriteAsync(writer.ToString());
                    })))
            .Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
