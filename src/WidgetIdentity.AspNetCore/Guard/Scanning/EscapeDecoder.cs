using System.Runtime.CompilerServices;
using System.Text;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Decodes the one escape sequence that starts at an introducer byte (<c>\</c>, <c>&amp;</c>, <c>%</c>) into the
/// UTF-8 bytes it stands for: JSON/JavaScript escapes, HTML numeric and common named character references, and
/// percent-encoded bytes.
/// </summary>
internal static class EscapeDecoder
{
    /// <summary>The longest escape decoded: <c>&amp;#x0010FFFF;</c> or a <c>\uD83D\uDE00</c> surrogate pair.</summary>
    public const int MaxEscapeLength = 12;

    private const int MaxReferenceDigits = 8;

    // Named references an encoder or template may use for characters a secret can hold. HTML names are
    // case-sensitive; the upper-case forms are the legacy ones browsers still accept.
    private static readonly (byte[] Name, byte Char)[] NamedReferences =
    [
        (N("amp"), (byte)'&'), (N("AMP"), (byte)'&'), (N("lt"), (byte)'<'), (N("LT"), (byte)'<'),
        (N("gt"), (byte)'>'), (N("GT"), (byte)'>'), (N("quot"), (byte)'"'), (N("QUOT"), (byte)'"'),
        (N("apos"), (byte)'\''), (N("plus"), (byte)'+'), (N("sol"), (byte)'/'), (N("bsol"), (byte)'\\'),
        (N("equals"), (byte)'='), (N("num"), (byte)'#'), (N("percnt"), (byte)'%'), (N("colon"), (byte)':'),
        (N("semi"), (byte)';'), (N("comma"), (byte)','), (N("period"), (byte)'.'), (N("excl"), (byte)'!'),
        (N("quest"), (byte)'?'), (N("lowbar"), (byte)'_'), (N("dollar"), (byte)'$'), (N("ast"), (byte)'*'),
        (N("lpar"), (byte)'('), (N("rpar"), (byte)')'), (N("lsqb"), (byte)'['), (N("rsqb"), (byte)']'),
        (N("lcub"), (byte)'{'), (N("rcub"), (byte)'}'), (N("verbar"), (byte)'|'), (N("Hat"), (byte)'^'),
        (N("grave"), (byte)'`'), (N("commat"), (byte)'@'), (N("hyphen"), 0), // &hyphen; is U+2010, never '-'
    ];

    /// <summary>The bytes that can follow <paramref name="introducer"/> in an escape of any byte marked in <paramref name="targets"/>.</summary>
    public static byte[] SecondBytes(bool[] targets, byte introducer)
    {
        var second = new HashSet<byte>();
        switch (introducer)
        {
            case (byte)'&':
                second.Add((byte)'#');
                foreach (var (name, value) in NamedReferences)
                {
                    if (value != 0 && targets[value])
                    {
                        second.Add(name[0]);
                    }
                }

                break;
            case (byte)'%':
                for (var b = 0; b < 256; b++)
                {
                    if (targets[b])
                    {
                        var digit = "0123456789ABCDEF"[b >> 4];
                        second.Add((byte)digit);
                        second.Add((byte)char.ToLowerInvariant(digit));
                    }
                }

                break;
            default:
                second.Add((byte)'u');
                foreach (var b in "/\"\\'"u8)
                {
                    if (targets[b])
                    {
                        second.Add(b);
                    }
                }

                break;
        }

        return [.. second];
    }

    /// <summary>
    /// Marks the bytes other than the introducer that an escape of <paramref name="form"/> can hold, when it stands
    /// for a byte marked in <paramref name="targets"/>: an occurrence that starts there cannot start with an escape.
    /// </summary>
    public static void MarkBodyBytes(bool[] body, SecretForms form, bool[] targets)
    {
        foreach (var digit in "0123456789abcdefABCDEF"u8)
        {
            body[digit] = true;
        }

        switch (form)
        {
            case SecretForms.JsonEscape:
                body['u'] = true;
                foreach (var b in "/\"'"u8)
                {
                    body[b] |= targets[b];
                }

                break;
            case SecretForms.HtmlReference:
                body['#'] = body['x'] = body['X'] = body[';'] = true;
                foreach (var (name, value) in NamedReferences)
                {
                    if (value != 0 && targets[value])
                    {
                        foreach (var b in name)
                        {
                            body[b] = true;
                        }
                    }
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIntroducer(byte b) => b is (byte)'\\' or (byte)'&' or (byte)'%';

    /// <summary>The bytes <see cref="IsIntroducer"/> accepts.</summary>
    public static ReadOnlySpan<byte> Introducers => "\\&%"u8;

    /// <summary>
    /// Decodes the escape at <paramref name="data"/>[0]. <see cref="Decoded.NeedMore"/> when the data ends inside
    /// what could still be an escape and <paramref name="final"/> is false.
    /// </summary>
    public static Decoded Decode(ReadOnlySpan<byte> data, bool final) => data[0] switch
    {
        (byte)'%' => DecodePercent(data, final),
        (byte)'\\' => DecodeJson(data, final),
        _ => DecodeHtml(data, final),
    };

    private static Decoded DecodePercent(ReadOnlySpan<byte> data, bool final)
    {
        for (var i = 1; i < 3; i++)
        {
            if (i >= data.Length)
            {
                return final ? Decoded.Invalid : Decoded.NeedMore;
            }

            if (HexValue(data[i]) < 0)
            {
                return Decoded.Invalid;
            }
        }

        return Decoded.Byte((byte)((HexValue(data[1]) << 4) | HexValue(data[2])), 3, SecretForms.PercentEncoding);
    }

    private static Decoded DecodeJson(ReadOnlySpan<byte> data, bool final)
    {
        if (TryDecodeJsonAscii(data, out var ascii))
        {
            return Decoded.Byte(ascii, 6, SecretForms.JsonEscape);
        }

        if (data.Length < 2)
        {
            return final ? Decoded.Invalid : Decoded.NeedMore;
        }

        switch (data[1])
        {
            case (byte)'/' or (byte)'"' or (byte)'\\' or (byte)'\'':
                return Decoded.Byte(data[1], 2, SecretForms.JsonEscape);
            case (byte)'u':
                break;
            default:
                return Decoded.Invalid;
        }

        var unit = ReadUtf16Unit(data, 0, final, out var status);
        if (status != DecodeStatus.Ok)
        {
            return status == DecodeStatus.NeedMore ? Decoded.NeedMore : Decoded.Invalid;
        }

        if (char.IsLowSurrogate((char)unit))
        {
            return Decoded.Invalid;
        }

        if (!char.IsHighSurrogate((char)unit))
        {
            return Decoded.Scalar(unit, 6, SecretForms.JsonEscape);
        }

        for (var i = 6; i < 8; i++)
        {
            if (i >= data.Length)
            {
                return final ? Decoded.Invalid : Decoded.NeedMore;
            }

            if (data[i] != (i == 6 ? (byte)'\\' : (byte)'u'))
            {
                return Decoded.Invalid;
            }
        }

        var low = ReadUtf16Unit(data, 6, final, out status);
        if (status != DecodeStatus.Ok)
        {
            return status == DecodeStatus.NeedMore ? Decoded.NeedMore : Decoded.Invalid;
        }

        return char.IsLowSurrogate((char)low)
            ? Decoded.Scalar(char.ConvertToUtf32((char)unit, (char)low), 12, SecretForms.JsonEscape)
            : Decoded.Invalid;
    }

    /// <summary>Decodes <c>\u00XX</c> for an ASCII character, the JSON escape met most, at <paramref name="data"/>[0].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDecodeJsonAscii(ReadOnlySpan<byte> data, out byte value)
    {
        if (data.Length >= 6 && data[0] == (byte)'\\' && data[1] == (byte)'u' && data[2] == (byte)'0' && data[3] == (byte)'0'
            && HexValues[data[4]] is >= 0 and < 8 and var high && HexValues[data[5]] is >= 0 and var low)
        {
            value = (byte)((high << 4) | (byte)low);
            return true;
        }

        value = 0;
        return false;
    }

    // Reads the four hex digits of "\uXXXX" at data[at].
    private static int ReadUtf16Unit(ReadOnlySpan<byte> data, int at, bool final, out DecodeStatus status)
    {
        var value = 0;
        for (var i = at + 2; i < at + 6; i++)
        {
            if (i >= data.Length)
            {
                status = final ? DecodeStatus.Invalid : DecodeStatus.NeedMore;
                return 0;
            }

            var digit = HexValue(data[i]);
            if (digit < 0)
            {
                status = DecodeStatus.Invalid;
                return 0;
            }

            value = (value << 4) | digit;
        }

        status = DecodeStatus.Ok;
        return value;
    }

    private static Decoded DecodeHtml(ReadOnlySpan<byte> data, bool final)
    {
        if (data.Length < 2)
        {
            return final ? Decoded.Invalid : Decoded.NeedMore;
        }

        return data[1] == (byte)'#' ? DecodeNumericReference(data, final) : DecodeNamedReference(data, final);
    }

    private static Decoded DecodeNumericReference(ReadOnlySpan<byte> data, bool final)
    {
        var i = 2;
        if (i >= data.Length)
        {
            return final ? Decoded.Invalid : Decoded.NeedMore;
        }

        var hex = data[i] is (byte)'x' or (byte)'X';
        if (hex)
        {
            i++;
        }

        var first = i;
        var value = 0;
        for (; ; i++)
        {
            if (i >= data.Length)
            {
                return final ? Decoded.Invalid : Decoded.NeedMore;
            }

            var digit = hex ? HexValue(data[i]) : DecimalValue(data[i]);
            if (digit < 0)
            {
                break;
            }

            if (i - first >= MaxReferenceDigits)
            {
                return Decoded.Invalid;
            }

            value = (value * (hex ? 16 : 10)) + digit;
        }

        if (i == first || data[i] != (byte)';' || !Rune.IsValid(value))
        {
            return Decoded.Invalid;
        }

        return Decoded.Scalar(value, i + 1, SecretForms.HtmlReference);
    }

    private static Decoded DecodeNamedReference(ReadOnlySpan<byte> data, bool final)
    {
        // Names are at most six letters, so a ';' further on cannot end a known one.
        var end = data[1..Math.Min(data.Length, 9)].IndexOf((byte)';');
        var name = end < 0 ? data[1..] : data[1..(end + 1)];
        var prefixOfSome = false;
        foreach (var (candidate, value) in NamedReferences)
        {
            if (end >= 0 && value != 0 && name.SequenceEqual(candidate))
            {
                return Decoded.Byte(value, end + 2, SecretForms.HtmlReference);
            }

            prefixOfSome |= end < 0 && candidate.AsSpan().StartsWith(name);
        }

        return prefixOfSome && !final ? Decoded.NeedMore : Decoded.Invalid;
    }

    public static int HexValue(byte b) => HexValues[b];

    // -1 for a byte that is not a hex digit.
    private static ReadOnlySpan<sbyte> HexValues =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ];

    private static int DecimalValue(byte b) => b is >= (byte)'0' and <= (byte)'9' ? b - '0' : -1;

    private static byte[] N(string name) => Encoding.ASCII.GetBytes(name);
}

internal enum DecodeStatus
{
    Invalid,
    NeedMore,
    Ok,
}

/// <summary>The result of decoding one escape: up to four UTF-8 bytes packed little-endian in <see cref="Bytes"/>.</summary>
internal readonly struct Decoded
{
    private Decoded(DecodeStatus status, uint bytes, int byteCount, int length, SecretForms form)
    {
        Status = status;
        Bytes = bytes;
        ByteCount = byteCount;
        Length = length;
        Form = form;
    }

    public static Decoded Invalid => default;

    public static Decoded NeedMore => new(DecodeStatus.NeedMore, 0, 0, 0, 0);

    public DecodeStatus Status { get; }

    public uint Bytes { get; }

    public int ByteCount { get; }

    /// <summary>How many input bytes the escape takes.</summary>
    public int Length { get; }

    public SecretForms Form { get; }

    public static Decoded Byte(byte value, int length, SecretForms form) => new(DecodeStatus.Ok, value, 1, length, form);

    public static Decoded Scalar(int scalar, int length, SecretForms form)
    {
        if (scalar < 0x80)
        {
            return new(DecodeStatus.Ok, (uint)scalar, 1, length, form);
        }

        Span<byte> utf8 = stackalloc byte[4];
        var count = new Rune(scalar).EncodeToUtf8(utf8);
        uint packed = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            packed = (packed << 8) | utf8[i];
        }

        return new(DecodeStatus.Ok, packed, count, length, form);
    }

    /// <summary>Whether the decoded bytes equal <paramref name="expected"/> from its start.</summary>
    public bool IsPrefixOf(ReadOnlySpan<byte> expected)
    {
        if (expected.Length < ByteCount)
        {
            return false;
        }

        var packed = Bytes;
        for (var i = 0; i < ByteCount; i++, packed >>= 8)
        {
            if (expected[i] != (byte)packed)
            {
                return false;
            }
        }

        return true;
    }
}
