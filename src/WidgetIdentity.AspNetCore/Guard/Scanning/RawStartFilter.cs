using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Drops, 64 positions at a time, the raw candidates of one secret that can only be proper prefixes, so that a run
/// of near-misses costs the prefilter nothing more than clean text.
/// </summary>
/// <remarks>
/// An occurrence that starts with the secret's first two bytes raw is either the secret's bytes exactly, and then
/// its byte at <c>length - 1</c> is the secret's last, or it holds an escape, and then the escape's introducer
/// (<c>\ &amp; %</c>) lies in its bytes 2 to <c>length - 1</c> (every unit before it is one raw byte). A start with
/// neither is not an occurrence. This is the first-and-last-byte test of <c>Span.IndexOf</c>, widened for escapes.
/// </remarks>
internal sealed class RawStartFilter
{
    /// <summary>The longest secret the filter takes: its window of introducers fits in two 64-byte blocks.</summary>
    public const int MaxSecretLength = 64 + 2;

    /// <summary>How many bytes from a block's start the filter reads.</summary>
    public const int ReadLength = 2 + (2 * 64);

    private readonly Vector512<byte> _bucket;
    private readonly Vector512<byte> _first;
    private readonly Vector512<byte> _last;
    private readonly int _lastOffset;
    private readonly int _window;

    /// <param name="bucket">The prefilter bucket bit that holds this secret's raw pattern and nothing else.</param>
    /// <param name="secret">The secret's UTF-8 bytes: 3 to <see cref="MaxSecretLength"/> of them.</param>
    public RawStartFilter(int bucket, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secret.Length, MaxSecretLength);
        _bucket = Vector512.Create((byte)bucket);
        _first = Vector512.Create(secret[0]);
        _last = Vector512.Create(secret[^1]);
        _lastOffset = secret.Length - 1;
        _window = secret.Length - 2;
    }

    /// <summary>
    /// The candidates among the block's <paramref name="buckets"/> at <paramref name="blockStart"/> that are this
    /// secret's raw starts and not occurrences; the caller makes sure <see cref="ReadLength"/> bytes are there. The
    /// introducers of the next block's window go to <paramref name="carry"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NotOccurrences(ref byte origin, int blockStart, Vector512<byte> buckets, ref BlockCarry carry)
    {
        var at = (nuint)blockStart;
        var raw = Vector512.Equals(buckets, _bucket) & Vector512.Equals(Vector512.LoadUnsafe(ref origin, at), _first);
        var starts = raw.ExtractMostSignificantBits();
        if (starts == 0)
        {
            return 0;
        }

        var lastDiffers = ~Vector512.Equals(Vector512.LoadUnsafe(ref origin, at + (nuint)_lastOffset), _last).ExtractMostSignificantBits();
        starts &= lastDiffers;
        if (starts == 0)
        {
            return 0;
        }

        // Bit j of (low, high): an introducer at blockStart + 2 + j.
        var low = carry.IntroducersAt == blockStart + 2 ? carry.Introducers : Introducers(Vector512.LoadUnsafe(ref origin, at + 2));
        var high = Introducers(Vector512.LoadUnsafe(ref origin, at + 2 + 64));
        carry.IntroducersAt = blockStart + 2 + 64;
        carry.Introducers = high;
        return WithoutIntroducer(starts, low, high);
    }

    // The starts with no introducer in their window. Few starts are left by here, so one look-up each costs less than
    // widening the whole introducer mask.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong WithoutIntroducer(ulong starts, ulong introducersLow, ulong introducersHigh)
    {
        var dropped = 0UL;
        while (starts != 0)
        {
            var p = (int)ulong.TrailingZeroCount(starts);
            starts &= starts - 1;
            if (BitWindows.NextSet(introducersLow, introducersHigh, p) - p >= _window)
            {
                dropped |= 1UL << p;
            }
        }

        return dropped;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Introducers(Vector512<byte> bytes) =>
        (Vector512.Equals(bytes, Vector512.Create(EscapeForms.JsonIntroducer))
            | Vector512.Equals(bytes, Vector512.Create(EscapeForms.HtmlIntroducer))
            | Vector512.Equals(bytes, Vector512.Create(EscapeForms.PercentIntroducer))).ExtractMostSignificantBits();

    /// <summary>
    /// <see cref="NotOccurrences"/> for a block whose buckets are held as two 256-bit halves (AVX2); the introducers of
    /// the next block's window go to <paramref name="carry"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NotOccurrences256(ref byte origin, int blockStart, Vector256<byte> low, Vector256<byte> high, ref BlockCarry carry)
    {
        var at = (nuint)blockStart;
        const int half = 32;
        var (bucket, first) = (_bucket.GetLower(), _first.GetLower());
        var starts = BitWindows.Bits(
            Vector256.Equals(low, bucket) & Vector256.Equals(Vector256.LoadUnsafe(ref origin, at), first),
            Vector256.Equals(high, bucket) & Vector256.Equals(Vector256.LoadUnsafe(ref origin, at + half), first));
        if (starts == 0)
        {
            return 0;
        }

        var last = _last.GetLower();
        var lastAt = at + (nuint)_lastOffset;
        starts &= ~BitWindows.Bits(Vector256.Equals(Vector256.LoadUnsafe(ref origin, lastAt), last), Vector256.Equals(Vector256.LoadUnsafe(ref origin, lastAt + half), last));
        if (starts == 0)
        {
            return 0;
        }

        var introducersLow = carry.IntroducersAt == blockStart + 2 ? carry.Introducers : Introducers256(ref origin, at + 2);
        var introducersHigh = Introducers256(ref origin, at + 2 + 64);
        carry.IntroducersAt = blockStart + 2 + 64;
        carry.Introducers = introducersHigh;
        return WithoutIntroducer(starts, introducersLow, introducersHigh);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Introducers256(ref byte origin, nuint at) =>
        BitWindows.Bits(Introducers(Vector256.LoadUnsafe(ref origin, at)), Introducers(Vector256.LoadUnsafe(ref origin, at + 32)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Introducers(Vector256<byte> bytes) =>
        Vector256.Equals(bytes, Vector256.Create(EscapeForms.JsonIntroducer))
            | Vector256.Equals(bytes, Vector256.Create(EscapeForms.HtmlIntroducer))
            | Vector256.Equals(bytes, Vector256.Create(EscapeForms.PercentIntroducer));
}
