using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Rendering;

/// <summary>A mistake in a view or a Blazor component is reported in the words the developer wrote it in.</summary>
public sealed class RenderingErrorsTests
{
    private readonly ServiceProvider _services = TestOptions.BuildServices(new Dictionary<string, string?>
    {
        ["WidgetIdentity:Secret"] = TestOptions.Secret,
        ["WidgetIdentity:Vendor"] = "Ainisa",
    });

    private WidgetIdentityRenderer Renderer => _services.GetRequiredService<WidgetIdentityRenderer>();

    [Theory]
    [InlineData(false, "<chat-widget-user widget=\"billing\" />", "widget attribute")]
    [InlineData(true, "<ChatWidgetUser Widget=\"billing\" />", "Widget parameter")]
    public async Task An_unconfigured_widget_names_the_tag_as_written_the_section_to_add_and_what_to_remove(bool blazor, string tag, string parameter)
    {
        var error = await RenderError(Host(blazor), new ChatWidgetRequest { Widget = "billing" });

        Assert.Contains(tag, error.Message);
        Assert.Contains("WidgetIdentity:Widgets:billing", error.Message);
        Assert.Contains(parameter, error.Message);
    }

    [Theory]
    [InlineData(false, "nonce attribute of <chat-widget-user />")]
    [InlineData(true, "Nonce parameter of <ChatWidgetUser />")]
    public async Task An_invalid_nonce_names_where_it_was_set_and_the_characters_allowed(bool blazor, string where)
    {
        var error = await RenderError(Host(blazor), new ChatWidgetRequest { Nonce = "abc def" });

        Assert.Contains(where, error.Message);
        Assert.Contains("base64 characters (A-Z, a-z, 0-9, '+', '/', '-', '_')", error.Message);
    }

    [Fact]
    public async Task An_empty_nonce_attribute_writes_the_scripts_without_a_nonce()
    {
        var rendering = await Renderer.RenderScriptsAsync(Context(), new ChatWidgetRequest { Nonce = "" }, RenderingHost.Page);

        Assert.Equal("<script src=\"https://chatbot.ainisa.com/widget.js\"></script>", rendering.Html);
    }

    [Fact]
    public async Task A_request_without_the_packages_services_says_to_call_AddWidgetIdentity()
    {
        var context = new DefaultHttpContext { User = Principals.Jane, RequestServices = new ServiceCollection().BuildServiceProvider() };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Renderer.RenderAsync(context, new ChatWidgetRequest()));

        Assert.Contains("IWidgetUserResolver", error.Message);
        Assert.Contains("builder.Services.AddWidgetIdentity()", error.Message);
    }

    [Fact]
    public async Task Rendering_without_a_context_or_a_request_names_the_missing_argument()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("context", () => Renderer.RenderAsync(null!, new ChatWidgetRequest()));
        await Assert.ThrowsAsync<ArgumentNullException>("request", () => Renderer.RenderAsync(Context(), null!));
    }

    private static RenderingHost Host(bool blazor) => blazor ? RenderingHost.Blazor : RenderingHost.Page;

    private DefaultHttpContext Context() => new() { User = Principals.Anonymous, RequestServices = _services };

    private Task<InvalidOperationException> RenderError(RenderingHost host, ChatWidgetRequest request) =>
        Assert.ThrowsAsync<InvalidOperationException>(() => Renderer.RenderScriptsAsync(Context(), request, host));
}
