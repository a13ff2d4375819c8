using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.AutoInclude;

/// <summary>
/// With <see cref="WidgetIdentityOptions.AutoInclude"/>, writes the root widget just before <c>&lt;/body&gt;</c> of every
/// HTML page Razor renders. Runs through MVC's <c>body</c> tag helper (<c>BodyTagHelper</c>, which Razor's default imports
/// add to every view and page); registered as transient because MVC sets <see cref="ViewContext"/> on it per page.
/// </summary>
internal sealed class ChatWidgetAutoInclude : TagHelperComponent
{
    private const string BodyTagName = "body";

    private readonly IOptionsMonitor<WidgetIdentityOptions> _options;
    private readonly WidgetIdentityRenderer _renderer;

    public ChatWidgetAutoInclude(IOptionsMonitor<WidgetIdentityOptions> options, WidgetIdentityRenderer renderer)
    {
        _options = options;
        _renderer = renderer;
    }

    /// <summary>The view being rendered, set by MVC's tag helper component activator.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        if (!_options.CurrentValue.AutoInclude
            || !string.Equals(context.TagName, BodyTagName, StringComparison.OrdinalIgnoreCase)
            || ViewContext?.HttpContext is not { } httpContext
            || !IsHtmlResponse(httpContext.Response))
        {
            return;
        }

        // The body's children first (MVC keeps the result for the page), so a <chat-widget-user /> among them has run
        // and a SkipChatWidget() in the view has been called before deciding.
        await output.GetChildContentAsync();
        if (AutoIncludeOptOut.IsSkipped(httpContext) || RenderedWidgets.Contains(httpContext, name: null))
        {
            return;
        }

        output.PostContent.AppendHtml(await _renderer.RenderAsync(httpContext, new ChatWidgetRequest()));
    }

    // A view executed as a page sets the response's content type before rendering; a view rendered to a string
    // (an email body, say) during an action has none yet, and gets no widget.
    private static bool IsHtmlResponse(HttpResponse response) =>
        MediaTypeHeaderValue.TryParse(response.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);
}
