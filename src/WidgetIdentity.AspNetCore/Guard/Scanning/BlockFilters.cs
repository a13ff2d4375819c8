using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The filters run on a 64-byte block that has candidates, before any is visited: each drops candidates it proves
/// begin no occurrence (<see cref="ThirdByteFilter"/>, <see cref="RawStartFilter"/>, <see cref="EscapeRunFilter"/>).
/// </summary>
internal sealed class BlockFilters
{
    private const int RawOrEscapeReadLength = RawStartFilter.ReadLength > EscapeRunFilter.ReadLength ? RawStartFilter.ReadLength : EscapeRunFilter.ReadLength;

    /// <summary>How many bytes from a block's start the filters read.</summary>
    public const int ReadLength = RawOrEscapeReadLength > ThirdByteFilter.ReadLength ? RawOrEscapeReadLength : ThirdByteFilter.ReadLength;

    private readonly ThirdByteFilter _thirdByte;
    private readonly RawStartFilter[] _rawFilters; // for the raw buckets that hold one secret
    private readonly EscapeRunFilter? _escapeFilter;    // where AVX-512 VBMI is there for its 512-bit form
    private readonly EscapeRunFilter? _escapeFilter256; // where AVX2 is there for its 256-bit form

    public BlockFilters(ThirdByteFilter thirdByte, RawStartFilter[] rawFilters, EscapeRunFilter? escapeFilter)
    {
        _thirdByte = thirdByte;
        _rawFilters = rawFilters;
        _escapeFilter = ByteClasses.IsSupported ? escapeFilter : null;
        _escapeFilter256 = Avx2.IsSupported ? escapeFilter : null;
    }

    /// <summary>
    /// The block's candidates less those the filters prove begin no occurrence; buckets are narrowed to match. Masks
    /// the next block shares with this one go to <paramref name="carry"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Apply(ref byte origin, int blockStart, ref Vector512<byte> buckets, ref BlockCarry carry)
    {
        buckets = _thirdByte.Narrow(ref origin, blockStart, buckets);
        var mask = ~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits();
        if (mask == 0)
        {
            return 0;
        }

        foreach (var filter in _rawFilters)
        {
            mask &= ~filter.NotOccurrences(ref origin, blockStart, buckets, ref carry);
        }

        if (_escapeFilter is { } escapes)
        {
            mask &= ~escapes.NotOccurrences(ref origin, blockStart, buckets, ref carry);
        }

        return mask;
    }

    /// <summary>
    /// <see cref="Apply"/> for a block held as two 256-bit halves (AVX2); masks the next block shares with this one go
    /// to <paramref name="carry"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Apply256(ref byte origin, int blockStart, ref Vector256<byte> low, ref Vector256<byte> high, ref BlockCarry carry)
    {
        _thirdByte.Narrow256(ref origin, blockStart, ref low, ref high);
        var mask = Candidates256(low, high);
        if (mask == 0)
        {
            return 0;
        }

        foreach (var filter in _rawFilters)
        {
            mask &= ~filter.NotOccurrences256(ref origin, blockStart, low, high, ref carry);
        }

        if (_escapeFilter256 is { } escapes)
        {
            mask &= ~escapes.NotOccurrences256(ref origin, blockStart, low, high, ref carry);
        }

        return mask;
    }

    /// <summary>The positions of a 64-byte block, held as two 256-bit halves of buckets, that have a bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Candidates256(Vector256<byte> low, Vector256<byte> high) =>
        ~BitWindows.Bits(Vector256.Equals(low, Vector256<byte>.Zero), Vector256.Equals(high, Vector256<byte>.Zero));
}
