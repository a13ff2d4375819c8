using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;
using WidgetIdentity.TagHelpers;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.TagHelpers;

public sealed class ChatWidgetUserTagHelperTests
{
    [Fact]
    public void A_tag_helper_without_a_renderer_is_refused_by_name()
    {
        Assert.Equal("renderer", Assert.Throws<ArgumentNullException>(() => new ChatWidgetUserTagHelper(null!)).ParamName);
    }

    [Fact]
    public async Task Processing_without_an_output_is_refused_by_name()
    {
        using var services = TestOptions.BuildServices(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret });
        var tagHelper = new ChatWidgetUserTagHelper(services.GetRequiredService<WidgetIdentityRenderer>());
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");

        Assert.Equal("output", (await Assert.ThrowsAsync<ArgumentNullException>(() => tagHelper.ProcessAsync(context, null!))).ParamName);
    }
}
