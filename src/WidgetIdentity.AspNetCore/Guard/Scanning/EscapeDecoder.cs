using System.Runtime.CompilerServices;
using System.Text;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Decodes the one escape sequence that starts at an introducer byte into the UTF-8 bytes it stands for, reading it
/// by the spellings <see cref="EscapeForms"/> describes for the introducer's form.
/// </summary>
internal static class EscapeDecoder
{
    /// <summary>The length of <c>\u00XX</c>, the escape <see cref="TryDecodeJsonAscii"/> reads.</summary>
    public const int JsonAsciiLength = 6;

    /// <summary>
    /// Decodes the escape at <paramref name="data"/>[0], an introducer. <see cref="Decoded.NeedMore"/> when the data
    /// ends inside what could still be an escape and <paramref name="final"/> is false.
    /// </summary>
    public static Decoded Decode(ReadOnlySpan<byte> data, bool final)
    {
        if (TryDecodeJsonAscii(data, out var ascii))
        {
            return Decoded.Byte(ascii, JsonAsciiLength, SecretForms.JsonEscape);
        }

        if (EscapeForms.At(data[0]) is not { } form)
        {
            return Decoded.Invalid;
        }

        var result = Decoded.Invalid;
        foreach (var spelling in form.Spellings)
        {
            var decoded = spelling.IsNamed ? DecodeNamed(data, spelling, form, final) : DecodeNumeric(data, spelling, form, final);
            if (decoded.Status == DecodeStatus.Ok)
            {
                return decoded;
            }

            if (decoded.Status == DecodeStatus.NeedMore)
            {
                result = decoded;
            }
        }

        return result;
    }

    /// <summary>
    /// Decodes <c>\u00XX</c> for an ASCII character, the JSON escape met most, at <paramref name="data"/>[0]: the fast
    /// path of <see cref="EscapeForms.JsonUnicode"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDecodeJsonAscii(ReadOnlySpan<byte> data, out byte value)
    {
        if (data.Length >= JsonAsciiLength && data[0] == EscapeForms.JsonIntroducer && data[1] == (byte)'u' && data[2] == (byte)'0' && data[3] == (byte)'0'
            && HexValues[data[4]] is >= 0 and < 8 and var high && HexValues[data[5]] is >= 0 and var low)
        {
            value = (byte)((high << 4) | (byte)low);
            return true;
        }

        value = 0;
        return false;
    }

    private static Decoded DecodeNamed(ReadOnlySpan<byte> data, EscapeSpelling spelling, EscapeForm form, bool final)
    {
        var text = spelling.Text;
        var rest = data[1..];
        if (rest.StartsWith(text))
        {
            return spelling.Stands is { } b ? Decoded.Byte(b, 1 + text.Length, form.Form) : Decoded.Invalid;
        }

        return !final && rest.Length < text.Length && text.AsSpan().StartsWith(rest) ? Decoded.NeedMore : Decoded.Invalid;
    }

    private static Decoded DecodeNumeric(ReadOnlySpan<byte> data, EscapeSpelling spelling, EscapeForm form, bool final)
    {
        var status = ReadNumber(data, spelling, final, out var value, out var length);
        if (status != DecodeStatus.Ok)
        {
            return status == DecodeStatus.NeedMore ? Decoded.NeedMore : Decoded.Invalid;
        }

        switch (spelling.Value)
        {
            case EscapeValue.Byte:
                return Decoded.Byte((byte)value, length, form.Form);
            case EscapeValue.Scalar:
                return Rune.IsValid(value) ? Decoded.Scalar(value, length, form.Form) : Decoded.Invalid;
        }

        if (char.IsLowSurrogate((char)value))
        {
            return Decoded.Invalid;
        }

        if (!char.IsHighSurrogate((char)value))
        {
            return Decoded.Scalar(value, length, form.Form);
        }

        // A high surrogate: the low one must follow in the same spelling.
        if (length >= data.Length)
        {
            return final ? Decoded.Invalid : Decoded.NeedMore;
        }

        if (data[length] != form.Introducer)
        {
            return Decoded.Invalid;
        }

        status = ReadNumber(data[length..], spelling, final, out var low, out var lowLength);
        if (status != DecodeStatus.Ok)
        {
            return status == DecodeStatus.NeedMore ? Decoded.NeedMore : Decoded.Invalid;
        }

        return char.IsLowSurrogate((char)low)
            ? Decoded.Scalar(char.ConvertToUtf32((char)value, (char)low), length + lowLength, form.Form)
            : Decoded.Invalid;
    }

    // Reads introducer, prefix, digits and terminator of a numeric spelling at data[0].
    private static DecodeStatus ReadNumber(ReadOnlySpan<byte> data, EscapeSpelling spelling, bool final, out int value, out int length)
    {
        var more = final ? DecodeStatus.Invalid : DecodeStatus.NeedMore;
        value = 0;
        length = 0;
        var i = 1;
        foreach (var b in spelling.Text)
        {
            if (i >= data.Length)
            {
                return more;
            }

            if (data[i++] != b)
            {
                return DecodeStatus.Invalid;
            }
        }

        var first = i;
        while (i - first < spelling.MaxDigits)
        {
            if (i >= data.Length)
            {
                return more;
            }

            var digit = spelling.DigitValue(data[i]);
            if (digit < 0)
            {
                break;
            }

            value = (value * spelling.Radix) + digit;
            i++;
        }

        if (i - first < spelling.MinDigits)
        {
            return DecodeStatus.Invalid;
        }

        if (spelling.Terminator != 0)
        {
            if (i >= data.Length)
            {
                return more;
            }

            if (data[i++] != spelling.Terminator)
            {
                return DecodeStatus.Invalid;
            }
        }

        length = i;
        return DecodeStatus.Ok;
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
