namespace WidgetIdentity.Rendering;

/// <summary>Where the renderer's output goes, so that its errors name what the developer wrote.</summary>
internal sealed class RenderingHost
{
    /// <summary>A Razor page or view: <c>&lt;chat-widget-user /&gt;</c>.</summary>
    public static readonly RenderingHost Page = new(isBlazor: false, "<chat-widget-user />", "widget attribute", "nonce attribute");

    /// <summary>A Blazor Web App: <c>&lt;ChatWidgetUser /&gt;</c>.</summary>
    public static readonly RenderingHost Blazor = new(isBlazor: true, "<ChatWidgetUser />", "Widget parameter", "Nonce parameter");

    private RenderingHost(bool isBlazor, string tagName, string widgetParameterName, string nonceParameterName)
    {
        IsBlazor = isBlazor;
        TagName = tagName;
        WidgetParameterName = widgetParameterName;
        NonceParameterName = nonceParameterName;
    }

    public bool IsBlazor { get; }

    public string TagName { get; }

    public string WidgetParameterName { get; }

    public string NonceParameterName { get; }

    /// <summary>The tag as written with <paramref name="widget"/>, for error messages.</summary>
    public string TagFor(string? widget) => IsBlazor
        ? $"<ChatWidgetUser Widget=\"{widget}\" />"
        : $"<chat-widget-user widget=\"{widget}\" />";
}
