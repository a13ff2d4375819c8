using System.Text;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>What the number of a numeric escape stands for.</summary>
internal enum EscapeValue
{
    /// <summary>One UTF-8 byte (percent-encoding).</summary>
    Byte,

    /// <summary>One UTF-16 code unit; a high surrogate is followed by an escape of the low one (JSON <c>\uXXXX</c>).</summary>
    Utf16Unit,

    /// <summary>A Unicode scalar value (HTML numeric references).</summary>
    Scalar,
}

/// <summary>
/// One way an escape form is written after its introducer: either a fixed text that stands for one byte (a named
/// escape: <c>amp;</c>, <c>/</c>), or a prefix, digits and a terminator (a numeric escape: <c>#x</c>, hex digits, <c>;</c>).
/// </summary>
internal sealed class EscapeSpelling
{
    private EscapeSpelling(byte[] text, byte? stands, int radix, int minDigits, int maxDigits, byte terminator, EscapeValue value)
    {
        Text = text;
        Stands = stands;
        Radix = radix;
        MinDigits = minDigits;
        MaxDigits = maxDigits;
        Terminator = terminator;
        Value = value;
    }

    /// <summary>The whole text of a named escape, or the prefix before the digits of a numeric one.</summary>
    public byte[] Text { get; }

    /// <summary>Whether this is a named escape (fixed text, no digits).</summary>
    public bool IsNamed => Radix == 0;

    /// <summary>The byte a named escape stands for; null for one that stands for no byte a secret can hold.</summary>
    public byte? Stands { get; }

    /// <summary>10 or 16 for a numeric escape (hex digits in either case).</summary>
    public int Radix { get; }

    public int MinDigits { get; }

    public int MaxDigits { get; }

    /// <summary>The byte after the digits, or 0 for none.</summary>
    public byte Terminator { get; }

    public EscapeValue Value { get; }

    /// <summary>The longest escape of this spelling, introducer included (a surrogate pair for <see cref="EscapeValue.Utf16Unit"/>).</summary>
    public int MaxLength => IsNamed
        ? 1 + Text.Length
        : (1 + Text.Length + MaxDigits + (Terminator == 0 ? 0 : 1)) * (Value == EscapeValue.Utf16Unit ? 2 : 1);

    public static EscapeSpelling Named(string text, char? stands) =>
        new(Encoding.ASCII.GetBytes(text), stands is { } c ? (byte)c : null, 0, 0, 0, 0, EscapeValue.Byte);

    public static EscapeSpelling Numeric(string prefix, int radix, int minDigits, int maxDigits, char? terminator, EscapeValue value) =>
        new(Encoding.ASCII.GetBytes(prefix), null, radix, minDigits, maxDigits, terminator is { } t ? (byte)t : (byte)0, value);

    /// <summary>The value of <paramref name="b"/> as a digit of this spelling, or -1.</summary>
    public int DigitValue(byte b)
    {
        var value = EscapeDecoder.HexValue(b);
        return value < Radix ? value : -1;
    }

    /// <summary>The digits this spelling may hold (hex letters in both cases).</summary>
    public IEnumerable<byte> Digits() => Enumerable.Range(0, 256).Select(static b => (byte)b).Where(b => DigitValue(b) >= 0);

    /// <summary>
    /// Writes the numeric escape of <paramref name="number"/> after <paramref name="introducer"/>, with at least
    /// <paramref name="digits"/> digits (zero padded) in the given case.
    /// </summary>
    public byte[] Write(byte introducer, int number, int digits, bool upper)
    {
        var text = Radix == 16 ? number.ToString(upper ? "X" + digits : "x" + digits) : number.ToString("D" + digits);
        var terminator = Terminator == 0 ? "" : ((char)Terminator).ToString();
        return [introducer, .. Text, .. Encoding.ASCII.GetBytes(text + terminator)];
    }
}
