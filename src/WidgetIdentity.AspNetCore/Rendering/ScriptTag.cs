namespace WidgetIdentity.Rendering;

/// <summary>The <c>&lt;script&gt;</c> tags the renderer writes.</summary>
internal static class ScriptTag
{
    public const string Close = "</script>";

    /// <param name="nonce">A nonce already checked by <see cref="CspNonce"/>: base64 characters need no encoding.</param>
    /// <param name="src">A validated script URL; the characters that matter in a quoted attribute are still encoded.</param>
    public static string Open(string? nonce, string? src)
    {
        var srcAttribute = src is null ? "" : $" src=\"{EncodeAttribute(src)}\"";
        var nonceAttribute = nonce is null ? "" : $" nonce=\"{nonce}\"";
        return $"<script{srcAttribute}{nonceAttribute}>";
    }

    private static string EncodeAttribute(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
