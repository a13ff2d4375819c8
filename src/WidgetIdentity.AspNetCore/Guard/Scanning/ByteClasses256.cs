using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// A set of ASCII bytes tested 32 at a time with two nibble look-ups (AVX2); bytes of 0x80 and above are never in
/// the set. The low nibble's entry holds a bit per high nibble (0-7) whose byte is in the set.
/// </summary>
internal readonly struct ByteClasses256
{
    private readonly Vector256<byte> _byLow;
    private readonly Vector256<byte> _highBit; // 1 << high nibble for 0-7, none for 8-15

    public ByteClasses256(Func<byte, bool> contains)
    {
        ArgumentNullException.ThrowIfNull(contains);
        var byLow = new byte[16];
        var highBit = new byte[16];
        for (var b = 0; b < 128; b++)
        {
            if (contains((byte)b))
            {
                byLow[b & 0xF] |= (byte)(1 << (b >> 4));
            }
        }

        for (var high = 0; high < 8; high++)
        {
            highBit[high] = (byte)(1 << high);
        }

        _byLow = Vector256.Create(Vector128.Create(byLow));
        _highBit = Vector256.Create(Vector128.Create(highBit));
    }

    /// <summary>Bit j: the byte j of (<paramref name="low"/>, <paramref name="high"/>) is in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Members(Vector256<byte> low, Vector256<byte> high) => ~BitWindows.Bits(Outside(low), Outside(high));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<byte> Outside(Vector256<byte> bytes)
    {
        var nibble = Vector256.Create((byte)0x0F);
        var found = Avx2.Shuffle(_byLow, bytes & nibble) & Avx2.Shuffle(_highBit, Vector256.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble);
        return Vector256.Equals(found, Vector256<byte>.Zero);
    }
}
