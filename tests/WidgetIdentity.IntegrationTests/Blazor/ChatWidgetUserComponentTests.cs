using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Components;
using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.BlazorPages;

namespace WidgetIdentity.IntegrationTests.Blazor;

/// <summary>
/// <c>&lt;ChatWidgetUser /&gt;</c> itself: written once on an interactive page, and its errors name what the developer wrote.
/// The error cases render the component with Blazor's own <see cref="HtmlRenderer"/> over the sample site's services.
/// </summary>
public sealed class ChatWidgetUserComponentTests
{
    [Fact]
    public async Task Prerendered_interactive_page_carries_the_widgets_scripts_once()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var (response, page) = await client.GetPageAsync("/blazor/interactive");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("prerendered", page.GetElementById("mode")?.TextContent);
        Assert.Single(Markers(page));
        Assert.Single(page.Scripts, script => script.Text.Contains("window.ainisaUser", StringComparison.Ordinal));
        Assert.Single(page.Scripts, script => script.Source == "https://chatbot.ainisa.com/widget.js");
        Assert.Equal(1, CountOf(html, "window.ainisaUser")); // nowhere else either (the circuit's state, a second copy)
        Assert.Equal(DemoLogins.Jane.Id, Assert.Single(UsersIn(RendererScripts(page))).UserId);
    }

    [Fact]
    public async Task Unconfigured_widget_is_an_error_naming_the_component_as_written_and_the_configuration_section()
    {
        await using var site = new SampleSiteFactory("Ainisa");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(site, new() { ["Widget"] = "nope" }));

        Assert.Contains("<ChatWidgetUser Widget=\"nope\" />", error.Message);
        Assert.Contains("WidgetIdentity:Widgets:nope", error.Message);
        Assert.Contains("Widget parameter", error.Message);
        Assert.DoesNotContain(SampleSiteFactory.Secret, error.Message);
    }

    [Fact]
    public async Task Invalid_nonce_is_an_error_naming_the_Nonce_parameter()
    {
        await using var site = new SampleSiteFactory("Ainisa");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(site, new() { ["Nonce"] = "\"><script>alert(1)</script>" }));

        Assert.StartsWith("The Nonce parameter of <ChatWidgetUser /> is not a valid Content-Security-Policy nonce", error.Message);
    }

    [Fact]
    public async Task Valid_configuration_renders_through_the_same_harness()
    {
        // The harness itself works: the error cases above fail for the reason they name, not for the harness.
        await using var site = new SampleSiteFactory("Ainisa");

        var html = await RenderAsync(site, new() { ["Widget"] = "support", ["Nonce"] = "abc123" });

        Assert.Contains("<template data-widget-identity=\"support:", html);
    }

    [Fact]
    public async Task Without_an_HttpContext_as_in_an_interactive_circuit_it_writes_nothing()
    {
        await using var site = new SampleSiteFactory("Ainisa");

        var html = await RenderAsync(site, new(), withHttpContext: false);

        Assert.Equal("", html);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    /// <summary>Renders <c>&lt;ChatWidgetUser /&gt;</c> with <paramref name="parameters"/>, as a page's server rendering would (an HttpContext cascaded to it).</summary>
    private static async Task<string> RenderAsync(SampleSiteFactory site, Dictionary<string, object?> parameters, bool withHttpContext = true)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        RenderFragment component = builder =>
        {
            builder.OpenComponent<ChatWidgetUser>(0);
            builder.AddMultipleAttributes(1, parameters!);
            builder.CloseComponent();
        };

        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = withHttpContext
                ? await renderer.RenderComponentAsync<CascadingValue<HttpContext>>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(CascadingValue<HttpContext>.Value)] = context,
                    [nameof(CascadingValue<HttpContext>.IsFixed)] = true,
                    [nameof(CascadingValue<HttpContext>.ChildContent)] = component,
                }))
                : await renderer.RenderComponentAsync<ChatWidgetUser>(ParameterView.FromDictionary(parameters));
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }
}
