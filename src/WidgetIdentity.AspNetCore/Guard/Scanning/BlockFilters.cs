using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
    private readonly EscapeRunFilter? _escapeFilter;

    public BlockFilters(ThirdByteFilter thirdByte, RawStartFilter[] rawFilters, EscapeRunFilter? escapeFilter)
    {
        _thirdByte = thirdByte;
        _rawFilters = rawFilters;
        _escapeFilter = escapeFilter;
    }

    /// <summary>The block's candidates less those the filters prove begin no occurrence; buckets are narrowed to match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Apply(ref byte origin, int blockStart, ref Vector512<byte> buckets)
    {
        buckets = _thirdByte.Narrow(ref origin, blockStart, buckets);
        var mask = ~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits();
        if (mask == 0)
        {
            return 0;
        }

        foreach (var filter in _rawFilters)
        {
            mask &= ~filter.NotOccurrences(ref origin, blockStart, buckets);
        }

        if (_escapeFilter is { } escapes)
        {
            mask &= ~escapes.NotOccurrences(ref origin, blockStart, buckets);
        }

        return mask;
    }
}
