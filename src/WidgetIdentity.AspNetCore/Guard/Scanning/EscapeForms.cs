using System.Runtime.CompilerServices;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The one description of every escape form the guard reads: its introducer, how each of its spellings decodes,
/// and so which bytes it may hold. The decoder, the prefilter's tables and the block filters derive from it;
/// <c>EscapeFormTests</c> fails if any of them disagrees.
/// </summary>
internal static class EscapeForms
{
    public const byte JsonIntroducer = (byte)'\\';
    public const byte HtmlIntroducer = (byte)'&';
    public const byte PercentIntroducer = (byte)'%';

    /// <summary>The JSON / JavaScript escape of one UTF-16 unit, <c>\uXXXX</c>.</summary>
    public static EscapeSpelling JsonUnicode { get; } = EscapeSpelling.Numeric("u", 16, 4, 4, null, EscapeValue.Utf16Unit);

    /// <summary>JSON / JavaScript escapes: <c>\uXXXX</c> and the characters escaped by a backslash alone.</summary>
    public static EscapeForm Json { get; } = new(SecretForms.JsonEscape, JsonIntroducer,
    [
        EscapeSpelling.Named("/", '/'), EscapeSpelling.Named("\"", '"'), EscapeSpelling.Named("\\", '\\'), EscapeSpelling.Named("'", '\''),
        JsonUnicode,
    ]);

    /// <summary>HTML character references: decimal and hex numeric ones, and the named ones an encoder or template may use.</summary>
    public static EscapeForm Html { get; } = new(SecretForms.HtmlReference, HtmlIntroducer,
    [
        EscapeSpelling.Numeric("#", 10, 1, 8, ';', EscapeValue.Scalar),
        EscapeSpelling.Numeric("#x", 16, 1, 8, ';', EscapeValue.Scalar),
        EscapeSpelling.Numeric("#X", 16, 1, 8, ';', EscapeValue.Scalar),

        // HTML names are case-sensitive; the upper-case forms are the legacy ones browsers still accept.
        .. NamedReferences(
            ("amp", '&'), ("AMP", '&'), ("lt", '<'), ("LT", '<'), ("gt", '>'), ("GT", '>'), ("quot", '"'), ("QUOT", '"'),
            ("apos", '\''), ("plus", '+'), ("sol", '/'), ("bsol", '\\'), ("equals", '='), ("num", '#'), ("percnt", '%'),
            ("colon", ':'), ("semi", ';'), ("comma", ','), ("period", '.'), ("excl", '!'), ("quest", '?'), ("lowbar", '_'),
            ("dollar", '$'), ("ast", '*'), ("lpar", '('), ("rpar", ')'), ("lsqb", '['), ("rsqb", ']'), ("lcub", '{'),
            ("rcub", '}'), ("verbar", '|'), ("Hat", '^'), ("grave", '`'), ("commat", '@'),
            ("hyphen", null)), // U+2010, never '-': known so that "&hyph" at the end of a write is held, not read raw
    ]);

    /// <summary>Percent-encoding: <c>%HH</c>, one UTF-8 byte, hex digits in either case.</summary>
    public static EscapeForm Percent { get; } = new(SecretForms.PercentEncoding, PercentIntroducer,
    [
        EscapeSpelling.Numeric("", 16, 2, 2, null, EscapeValue.Byte),
    ]);

    public static IReadOnlyList<EscapeForm> All { get; } = [Json, Html, Percent];

    /// <summary>The bytes <see cref="IsIntroducer"/> accepts.</summary>
    public static ReadOnlySpan<byte> Introducers => [JsonIntroducer, HtmlIntroducer, PercentIntroducer];

    /// <summary>The longest escape of any form.</summary>
    public static int MaxLength { get; } = All.Max(static f => f.MaxLength);

    /// <summary>Whether an escape can begin at <paramref name="b"/>: the introducer of some form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIntroducer(byte b) => b is JsonIntroducer or HtmlIntroducer or PercentIntroducer;

    /// <summary>The form introduced by <paramref name="introducer"/>, or null.</summary>
    public static EscapeForm? At(byte introducer) => introducer switch
    {
        JsonIntroducer => Json,
        HtmlIntroducer => Html,
        PercentIntroducer => Percent,
        _ => null,
    };

    private static EscapeSpelling[] NamedReferences(params (string Name, char? Stands)[] names) =>
        [.. names.Select(static n => EscapeSpelling.Named(n.Name + ";", n.Stands))];
}
