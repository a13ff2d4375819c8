namespace WidgetIdentity.Rendering;

/// <summary>Encodes a value for a double-quoted HTML attribute.</summary>
internal static class HtmlAttribute
{
    public static string Encode(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
