using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

public sealed class RenderingHostTests
{
    [Fact]
    public void Errors_from_a_blazor_app_name_the_component_and_its_parameters()
    {
        var host = RenderingHost.Blazor;

        Assert.True(host.IsBlazor);
        Assert.Equal("<ChatWidgetUser />", host.TagName);
        Assert.Equal("Widget parameter", host.WidgetParameterName);
        Assert.Equal("Nonce parameter", host.NonceParameterName);
    }

    [Fact]
    public void Errors_from_a_razor_page_name_the_tag_and_its_attributes()
    {
        var host = RenderingHost.Page;

        Assert.False(host.IsBlazor);
        Assert.Equal("<chat-widget-user />", host.TagName);
        Assert.Equal("widget attribute", host.WidgetParameterName);
        Assert.Equal("nonce attribute", host.NonceParameterName);
    }
}
