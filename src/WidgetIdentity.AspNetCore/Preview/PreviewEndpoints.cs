using Microsoft.AspNetCore.Http;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Preview;

/// <summary>The paths the preview widget is served and verified on.</summary>
internal static class PreviewEndpoints
{
    public static readonly PathString Script = "/_widgetidentity/preview.js";

    public static readonly PathString Verify = "/_widgetidentity/preview/verify";

    /// <summary>The preview script's URL, telling it where the vendor's script would read the user data and which widget to verify against.</summary>
    public static string ScriptUrl(PathString pathBase, ResolvedWidget widget, string previewQuery)
    {
        var widgetQuery = widget.Name is null ? "" : $"&widget={Uri.EscapeDataString(widget.Name)}";
        return $"{pathBase.Add(Script)}?vendor={Uri.EscapeDataString(widget.Dialect.Name)}&{previewQuery}{widgetQuery}";
    }
}
