using Microsoft.AspNetCore.Http;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

public sealed class BlazorRequestTests
{
    [Theory]
    [InlineData("text/html; blazor-enhanced-nav=on", true)]
    [InlineData("TEXT/HTML; BLAZOR-ENHANCED-NAV=ON", true)]
    [InlineData("text/html,application/xhtml+xml", false)]
    public void An_enhanced_navigation_is_recognised_by_its_accept_header(string accept, bool enhanced)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Accept = accept;

        Assert.Equal(enhanced, BlazorRequest.IsEnhancedUpdate(context));
    }

    [Fact]
    public void A_request_without_an_accept_header_is_no_enhanced_navigation()
    {
        Assert.False(BlazorRequest.IsEnhancedUpdate(new DefaultHttpContext()));
    }

    [Fact]
    public void The_enhanced_navigation_value_is_found_in_a_later_accept_header()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Accept = new Microsoft.Extensions.Primitives.StringValues(["text/html", "text/html; blazor-enhanced-nav=on"]);

        Assert.True(BlazorRequest.IsEnhancedUpdate(context));
    }
}
