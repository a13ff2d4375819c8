namespace WidgetIdentity.Guard.Scanning;

/// <summary>The encodings a secret was found in; logged so a detection can be traced without the secret.</summary>
[Flags]
internal enum SecretForms
{
    /// <summary>The secret's own UTF-8 bytes.</summary>
    Raw = 1,

    /// <summary>Some characters as JSON / JavaScript escapes (<c>\uXXXX</c>, <c>\/</c>, <c>\"</c>, <c>\\</c>).</summary>
    JsonEscape = 2,

    /// <summary>Some characters as HTML character references (<c>&amp;#NN;</c>, <c>&amp;#xHH;</c>, <c>&amp;amp;</c>...).</summary>
    HtmlReference = 4,

    /// <summary>Some bytes percent-encoded (<c>%HH</c>, either case).</summary>
    PercentEncoding = 8,

    /// <summary>The base64 encoding of the secret (any of the three alignments).</summary>
    Base64 = 16,

    /// <summary>The base64url encoding of the secret (any of the three alignments).</summary>
    Base64Url = 32,

    /// <summary>The hex encoding of the secret's bytes, either case.</summary>
    Hex = 64,
}
