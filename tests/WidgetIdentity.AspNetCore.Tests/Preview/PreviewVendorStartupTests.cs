using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Preview;

/// <summary>Start-up accepts preview mode for every vendor the preview widget stands in for, and the page loads it in that vendor's mode.</summary>
public sealed class PreviewVendorStartupTests
{
    [Theory]
    [InlineData("Intercom", "intercom")]
    [InlineData("Crisp", "crisp")]
    [InlineData("HelpScout", "helpscout")]
    [InlineData("FrontChat", "frontchat")]
    [InlineData("Gleap", "gleap")]
    [InlineData("Chatbase", "chatbase")]
    [InlineData("Zendesk", "zendesk")]
    [InlineData("Featurebase", "featurebase")]
    [InlineData("Plain", "plain")]
    public async Task In_preview_mode_the_app_starts_and_the_page_loads_the_preview_widget_in_the_vendor_mode(string vendor, string mode)
    {
        using var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services.AddRouting().AddWidgetIdentity(options =>
                {
                    options.Secret = TestOptions.Secret;
                    options.Vendor = vendor;
                    options.Preview = true;
                    options.AppId = "app-1";
                    options.KeyId = vendor == "Zendesk" ? "app_key_1" : null;
                }))
                .Configure(app => app.Run(async context =>
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(
                        [new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Email, "jane@example.com")], "Test"));
                    var renderer = context.RequestServices.GetRequiredService<WidgetIdentity.Rendering.WidgetIdentityRenderer>();
                    var html = await renderer.RenderAsync(context, new WidgetIdentity.Rendering.ChatWidgetRequest());
                    await using var writer = new StringWriter();
                    html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                    await context.Response.WriteAsync(writer.ToString());
                })))
            .Build();
        await host.StartAsync();

        var page = await host.GetTestClient().GetStringAsync("/");

        Assert.EndsWith($"<script src=\"/_widgetidentity/preview.js?vendor={vendor}&amp;mode={mode}\"></script>", page);
        Assert.Single(page.Split("<script src=").Skip(1));
    }
}
