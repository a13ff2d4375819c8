using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>Bit tricks over the 128-bit masks (two words) that the candidate filters build from two 64-byte blocks.</summary>
internal static class BitWindows
{
    /// <summary>How many of bits <paramref name="from"/> (0-63) to <paramref name="to"/> - 1 of (low, high) are set; none when to &lt;= from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountInRange(ulong low, ulong high, int from, int to) =>
        (int)(ulong.PopCount(low & (ulong.MaxValue << from) & Below(to)) + ulong.PopCount(high & Below(to - 64)));

    /// <summary>The index of the first set bit of (low, high) at or after <paramref name="from"/> (0-63), or 128 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextSet(ulong low, ulong high, int from)
    {
        var inLow = low & (ulong.MaxValue << from);
        var inHigh = 64 + (int)ulong.TrailingZeroCount(high);
        return inLow != 0 ? (int)ulong.TrailingZeroCount(inLow) : inHigh;
    }

    /// <summary>The bits below <paramref name="n"/>: none for n &lt;= 0, all for n &gt;= 64 (without branches).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Below(int n) => Bmi2.X64.IsSupported
        ? Bmi2.X64.ZeroHighBits(ulong.MaxValue, (ulong)Math.Max(n, 0))
        : n >= 64 ? ulong.MaxValue : n <= 0 ? 0 : (1UL << n) - 1;

    /// <summary>The 64-bit mask of a 64-byte block held as two 256-bit halves: bit j is the top bit of byte j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);
}
