using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// A set of ASCII bytes tested 64 at a time with one table look-up (AVX-512 VBMI); bytes of 0x80 and above are never
/// in the set.
/// </summary>
internal readonly struct ByteClasses
{
    private readonly Vector512<byte> _low;  // 0x00-0x3F
    private readonly Vector512<byte> _high; // 0x40-0x7F

    public ByteClasses(Func<byte, bool> contains)
    {
        ArgumentNullException.ThrowIfNull(contains);
        var table = new byte[128];
        for (var b = 0; b < table.Length; b++)
        {
            table[b] = contains((byte)b) ? (byte)0xFF : (byte)0;
        }

        _low = Vector512.Create(table.AsSpan(0, 64));
        _high = Vector512.Create(table.AsSpan(64, 64));
    }

    /// <summary>Whether this machine can run <see cref="Members"/>.</summary>
    public static bool IsSupported => Avx512Vbmi.IsSupported;

    /// <summary>Bit j: the byte j of <paramref name="bytes"/> is in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Members(Vector512<byte> bytes)
    {
        var looked = Avx512Vbmi.PermuteVar64x8x2(_low, bytes, _high);
        return looked.ExtractMostSignificantBits() & ~bytes.ExtractMostSignificantBits();
    }
}
