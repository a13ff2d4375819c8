using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Narrows the prefilter's buckets, 64 positions at a time, by the byte two places on: a literal (base64, hex) needs
/// its own third byte there, and an occurrence that begins with two raw bytes of a secret needs the secret's third
/// byte or the introducer of an escape. Run only on blocks that have candidates, so clean text pays nothing.
/// </summary>
internal sealed class ThirdByteFilter
{
    /// <summary>How many bytes from a block's start the filter reads.</summary>
    public const int ReadLength = 2 + 64;

    private readonly Vector512<byte> _low;  // the bucket bits each low nibble of the third byte allows
    private readonly Vector512<byte> _high; // and each high nibble

    /// <param name="thirdBytes">For each of the eight buckets, the third bytes it allows, or null for any.</param>
    public ThirdByteFilter(IReadOnlyList<IEnumerable<byte>?> thirdBytes)
    {
        ArgumentNullException.ThrowIfNull(thirdBytes);
        var low = new byte[16];
        var high = new byte[16];
        for (var bucket = 0; bucket < thirdBytes.Count; bucket++)
        {
            var bit = (byte)(1 << bucket);
            foreach (var b in thirdBytes[bucket] ?? Enumerable.Range(0, 256).Select(static b => (byte)b))
            {
                low[b & 0xF] |= bit;
                high[b >> 4] |= bit;
            }
        }

        _low = Vector512.Create(Vector128.Create(low));
        _high = Vector512.Create(Vector128.Create(high));
    }

    /// <summary>The block's <paramref name="buckets"/> less those its third bytes rule out; <see cref="ReadLength"/> bytes must be there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<byte> Narrow(ref byte origin, int blockStart, Vector512<byte> buckets)
    {
        var third = Vector512.LoadUnsafe(ref origin, (nuint)blockStart + 2);
        var nibble = Vector512.Create((byte)0x0F);
        return buckets & Avx512BW.Shuffle(_low, third & nibble) & Avx512BW.Shuffle(_high, Vector512.ShiftRightLogical(third.AsUInt16(), 4).AsByte() & nibble);
    }

    /// <summary><see cref="Narrow"/> for a block held as two 256-bit halves (AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Narrow256(ref byte origin, int blockStart, ref Vector256<byte> low, ref Vector256<byte> high)
    {
        low = Narrow256(ref origin, blockStart, low);
        high = Narrow256(ref origin, blockStart + Vector256<byte>.Count, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<byte> Narrow256(ref byte origin, int start, Vector256<byte> buckets)
    {
        var third = Vector256.LoadUnsafe(ref origin, (nuint)start + 2);
        var nibble = Vector256.Create((byte)0x0F);
        return buckets & Avx2.Shuffle(_low.GetLower(), third & nibble) & Avx2.Shuffle(_high.GetLower(), Vector256.ShiftRightLogical(third.AsUInt16(), 4).AsByte() & nibble);
    }
}
