using System.Text.Encodings.Web;

namespace WidgetIdentity.Rendering;

/// <summary>The <c>&lt;script&gt;</c> tags the renderer writes, with the optional nonce and source attributes HTML-encoded.</summary>
internal static class ScriptTag
{
    public const string Close = "</script>";

    public static string Open(string? nonce, string? src)
    {
        var srcAttribute = src is null ? "" : $" src=\"{HtmlEncoder.Default.Encode(src)}\"";
        var nonceAttribute = nonce is null ? "" : $" nonce=\"{HtmlEncoder.Default.Encode(nonce)}\"";
        return $"<script{srcAttribute}{nonceAttribute}>";
    }
}
