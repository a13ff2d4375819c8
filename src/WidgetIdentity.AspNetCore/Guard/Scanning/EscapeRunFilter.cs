using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Drops, 64 positions at a time, backslash candidates that cannot begin an occurrence (nor begin one a byte
/// earlier, after a raw first byte): runs of JSON escapes that spell a near-miss and then meet a byte no occurrence
/// can hold.
/// </summary>
/// <remarks>
/// <para>
/// Only when no secret holds an introducer byte (<c>\ &amp; %</c>): then every byte of an occurrence is a raw byte of
/// the secret or a byte of an escape that stands for secret bytes, and every backslash in it begins an escape. A
/// <em>stop</em> byte is one that neither can be, so an occurrence that starts at s ends before the first stop byte
/// x after it. Inside it, each <c>\u00[0-7]h</c> is an escape of six bytes that stands for one secret byte, and such
/// escapes are at least five bytes apart, so a secret of length L fits only if
/// <c>L &lt;= (x - s) - 5 * (number of \u00[0-7] at s..x-5)</c>. A candidate p stands for the starts p and p - 1,
/// hence the budget <c>(x - p + 1) - 5 * count</c>.
/// </para>
/// <para>
/// Moving a start later can raise the budget by at most 4, so a start whose budget falls short of L - 4 rules out
/// every later backslash before the same stop byte in one step.
/// </para>
/// </remarks>
internal sealed class EscapeRunFilter
{
    /// <summary>How many bytes from a block's start the filter reads.</summary>
    public const int ReadLength = (2 * 64) + 4;

    private readonly ByteClasses _stops;
    private readonly ByteClasses256 _stops256;
    private readonly Vector512<byte> _bucket;
    private readonly int _minLength;

    /// <param name="bucket">The prefilter bucket bit that holds the backslash introducer and nothing else.</param>
    /// <param name="held">For each byte, whether some secret holds it; no secret holds an introducer byte.</param>
    /// <param name="minLength">The shortest secret's length in bytes.</param>
    public EscapeRunFilter(int bucket, bool[] held, int minLength)
    {
        ArgumentNullException.ThrowIfNull(held);
        var allowed = (bool[])held.Clone();
        foreach (var form in EscapeForms.All)
        {
            form.MarkInnerBytes(allowed, held);
            allowed[form.Introducer] = true;
        }

        _stops = new ByteClasses(b => !allowed[b]);
        _stops256 = new ByteClasses256(b => !allowed[b]);
        _bucket = Vector512.Create((byte)bucket);
        _minLength = minLength;
    }

    /// <summary>
    /// The backslash candidates among the block's <paramref name="buckets"/> at <paramref name="blockStart"/> that
    /// begin no occurrence, nor does the byte before them; the caller makes sure <see cref="ReadLength"/> bytes are there.
    /// The masks of the 64 bytes after the block go to <paramref name="carry"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NotOccurrences(ref byte origin, int blockStart, Vector512<byte> buckets, ref BlockCarry carry)
    {
        var starts = Vector512.Equals(buckets, _bucket).ExtractMostSignificantBits();
        if (starts == 0)
        {
            return 0;
        }

        var at = (nuint)blockStart;
        var next = blockStart + 64;
        var stopLow = carry.StopsAt == blockStart ? carry.Stops : _stops.Members(Vector512.LoadUnsafe(ref origin, at));
        var stopHigh = _stops.Members(Vector512.LoadUnsafe(ref origin, at + 64));
        carry.StopsAt = next;
        carry.Stops = stopHigh;
        if ((stopLow | stopHigh) == 0)
        {
            return 0;
        }

        var asciiLow = carry.AsciiAt == blockStart ? carry.Ascii : AsciiJsonEscapes(ref origin, at);
        var asciiHigh = AsciiJsonEscapes(ref origin, at + 64);
        carry.AsciiAt = next;
        carry.Ascii = asciiHigh;
        return Dropped(starts, stopLow, stopHigh, asciiLow, asciiHigh);
    }

    // The starts ruled out, given the stop bytes and the ASCII JSON escapes of the block and the next (bit j: byte j).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Dropped(ulong starts, ulong stopLow, ulong stopHigh, ulong asciiLow, ulong asciiHigh)
    {
        var dropped = 0UL;
        var remaining = starts;
        while (remaining != 0)
        {
            var p = (int)ulong.TrailingZeroCount(remaining);
            var stop = BitWindows.NextSet(stopLow, stopHigh, p);
            if (stop == 128)
            {
                break;
            }

            // Short of L - 4: every later start before the stop byte falls short too. Short of L: this one.
            var budget = stop - p + 1 - (5 * BitWindows.CountInRange(asciiLow, asciiHigh, p, stop - 4));
            var run = BitWindows.Below(stop) & (ulong.MaxValue << p);
            var one = remaining & (0 - remaining);
            var ruledOut = budget < _minLength - 4 ? run : budget < _minLength ? one : 0;
            dropped |= starts & ruledOut;
            remaining &= ~(ruledOut | one);
        }

        return dropped;
    }

    // Bit j: "\u00" and an octal digit start at j, an escape of one ASCII byte (when its last digit is hex).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AsciiJsonEscapes(ref byte origin, nuint at)
    {
        var escapes = Vector512.Equals(Vector512.LoadUnsafe(ref origin, at), Vector512.Create(EscapeForms.JsonIntroducer))
            & Vector512.Equals(Vector512.LoadUnsafe(ref origin, at + 1), Vector512.Create((byte)'u'))
            & Vector512.Equals(Vector512.LoadUnsafe(ref origin, at + 2), Vector512.Create((byte)'0'))
            & Vector512.Equals(Vector512.LoadUnsafe(ref origin, at + 3), Vector512.Create((byte)'0'))
            & Vector512.LessThan(Vector512.LoadUnsafe(ref origin, at + 4) - Vector512.Create((byte)'0'), Vector512.Create((byte)8));
        return escapes.ExtractMostSignificantBits();
    }

    /// <summary>
    /// <see cref="NotOccurrences"/> for a block whose buckets are held as two 256-bit halves (AVX2). The masks of the
    /// 64 bytes after the block go to <paramref name="carry"/>, which the next block reuses when it starts there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NotOccurrences256(ref byte origin, int blockStart, Vector256<byte> low, Vector256<byte> high, ref BlockCarry carry)
    {
        var bucket = _bucket.GetLower();
        var starts = BitWindows.Bits(Vector256.Equals(low, bucket), Vector256.Equals(high, bucket));
        if (starts == 0)
        {
            return 0;
        }

        var at = (nuint)blockStart;
        var next = blockStart + 64;
        var stopLow = carry.StopsAt == blockStart ? carry.Stops : Stops256(ref origin, at);
        var stopHigh = Stops256(ref origin, at + 64);
        carry.StopsAt = next;
        carry.Stops = stopHigh;
        if ((stopLow | stopHigh) == 0)
        {
            return 0;
        }

        var asciiLow = carry.AsciiAt == blockStart ? carry.Ascii : AsciiJsonEscapes256(ref origin, at);
        var asciiHigh = AsciiJsonEscapes256(ref origin, at + 64);
        carry.AsciiAt = next;
        carry.Ascii = asciiHigh;
        return Dropped(starts, stopLow, stopHigh, asciiLow, asciiHigh);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Stops256(ref byte origin, nuint at) =>
        _stops256.Members(Vector256.LoadUnsafe(ref origin, at), Vector256.LoadUnsafe(ref origin, at + 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AsciiJsonEscapes256(ref byte origin, nuint at) =>
        BitWindows.Bits(AsciiJsonEscapes(ref origin, at, 0), AsciiJsonEscapes(ref origin, at, 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> AsciiJsonEscapes(ref byte origin, nuint at, nuint half) =>
        Vector256.Equals(Vector256.LoadUnsafe(ref origin, at + half), Vector256.Create(EscapeForms.JsonIntroducer))
            & Vector256.Equals(Vector256.LoadUnsafe(ref origin, at + half + 1), Vector256.Create((byte)'u'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref origin, at + half + 2), Vector256.Create((byte)'0'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref origin, at + half + 3), Vector256.Create((byte)'0'))
            & Vector256.LessThan(Vector256.LoadUnsafe(ref origin, at + half + 4) - Vector256.Create((byte)'0'), Vector256.Create((byte)8));
}
