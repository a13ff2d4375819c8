using System.Text;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Components;

/// <summary>
/// What <see cref="ChatWidgetUser"/> writes around the renderer's scripts: the page script that keeps the widget right
/// across Blazor's enhanced navigation, a marker naming whom the page identifies, and the host the widget's elements are
/// kept in.
/// </summary>
internal static class BlazorPageScript
{
    /// <summary>The attribute of the marker whose value is <c>widget:page key</c>.</summary>
    public const string MarkerAttribute = "data-widget-identity";

    /// <summary>The attribute of the element the widget's own elements are kept in.</summary>
    public const string HostAttribute = "data-widget-identity-host";

    private static readonly string Script = ReadScript();

    /// <summary>The page script alone: what the component writes before the user is known.</summary>
    public static string Pending(string? nonce) => Tag(nonce);

    /// <summary>The page script, the marker, the renderer's scripts, then the widget host.</summary>
    public static string Around(WidgetRendering rendering, string? nonce, bool withHost)
    {
        var widgetName = rendering.Widget.Name ?? "";
        var html = new StringBuilder(Script.Length + rendering.Html.Length + 256)
            .Append(Tag(nonce))
            .Append("\n<template ").Append(MarkerAttribute).Append("=\"")
            .Append(HtmlAttribute.Encode(widgetName)).Append(':').Append(rendering.PageKey).Append("\"></template>");
        if (rendering.Html.Length > 0)
        {
            html.Append('\n').Append(rendering.Html);
        }

        if (withHost)
        {
            // data-permanent: Blazor's enhanced navigation keeps this element's content instead of the server's.
            var id = "widget-identity-host" + (widgetName.Length == 0 ? "" : "-" + Uri.EscapeDataString(widgetName));
            html.Append("\n<div ").Append(HostAttribute).Append(" id=\"").Append(HtmlAttribute.Encode(id))
                .Append("\" data-permanent=\"").Append(HtmlAttribute.Encode(id)).Append("\"></div>");
        }

        return html.ToString();
    }

    private static string Tag(string? nonce) => new ScriptTag(nonce, inert: false).Open(src: null) + Script + ScriptTag.Close;

    private static string ReadScript()
    {
        using var stream = typeof(BlazorPageScript).Assembly.GetManifestResourceStream("WidgetIdentity.Components.widget-identity-blazor.js")
            ?? throw new InvalidOperationException("The Blazor page script is missing from the WidgetIdentity.AspNetCore assembly.");
        using var reader = new StreamReader(stream);

        // The comments are for maintainers; each page gets the code alone.
        var lines = reader.ReadToEnd().Split('\n')
            .Select(static line => line.Trim())
            .Where(static line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal));
        return string.Join('\n', lines);
    }
}
