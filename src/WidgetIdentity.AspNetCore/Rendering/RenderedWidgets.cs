using Microsoft.AspNetCore.Http;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Rendering;

/// <summary>
/// The widgets already written into this response's page, kept on the request's features, so the auto-included widget
/// is not written a second time where the page has its own <c>&lt;chat-widget-user /&gt;</c>.
/// </summary>
internal sealed class RenderedWidgets
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="widget"/> was rendered for this request.</summary>
    public static void Record(HttpContext context, ResolvedWidget widget)
    {
        var rendered = context.Features.Get<RenderedWidgets>();
        if (rendered is null)
        {
            rendered = new RenderedWidgets();
            context.Features.Set(rendered);
        }

        rendered._names.Add(Key(widget.Name));
    }

    /// <summary>Whether the widget named <paramref name="name"/> (the root widget for <see langword="null"/>) was rendered for this request.</summary>
    public static bool Contains(HttpContext context, string? name) =>
        context.Features.Get<RenderedWidgets>() is { } rendered && rendered._names.Contains(Key(name));

    private static string Key(string? name) => name ?? string.Empty;
}
