namespace WidgetIdentity.Rendering;

/// <summary>
/// The <c>&lt;script&gt;</c> tags the renderer writes: with the page's nonce, and inert (a type the browser does not run,
/// the URL in <c>data-src</c>) when the page script of a Blazor Web App is to start them.
/// </summary>
/// <param name="nonce">A nonce already checked by <see cref="CspNonce"/>: base64 characters need no encoding.</param>
/// <param name="inert">Whether the tags are written for <c>widget-identity-blazor.js</c> to start.</param>
internal readonly struct ScriptTag(string? nonce, bool inert)
{
    /// <summary>The type of an inert script, which <c>widget-identity-blazor.js</c> looks for.</summary>
    public const string InertType = "text/widget-identity";

    public const string Close = "</script>";

    /// <param name="src">A validated script URL; the characters that matter in a quoted attribute are still encoded.</param>
    public string Open(string? src)
    {
        var typeAttribute = inert ? $" type=\"{InertType}\"" : "";
        var srcAttribute = src is null ? "" : $" {(inert ? "data-src" : "src")}=\"{HtmlAttribute.Encode(src)}\"";
        var nonceAttribute = nonce is null ? "" : $" nonce=\"{nonce}\"";
        return $"<script{typeAttribute}{srcAttribute}{nonceAttribute}>";
    }
}
