using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>The prefilter loop on 64-byte blocks (AVX-512 BW), with the block filters on blocks that have candidates.</summary>
internal static class Prefilter512
{
    /// <summary>
    /// The first hit from <paramref name="from"/>, visiting the candidates of each block; when none, <paramref name="next"/>
    /// is where the blocks end and a narrower loop goes on.
    /// </summary>
    public static ScanHit Find(BlockVisitor visitor, ReadOnlySpan<byte> data, int from, bool final, ref Frontier clean, out int next)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        var filters = visitor.Patterns.Filters;
        var i = from;
        while (true)
        {
            // A tight loop without calls, so that the tables stay in registers; candidates are visited outside it.
            var mask = 0UL;
            var buckets = Vector512<byte>.Zero;
            var tables = visitor.Patterns.Buckets;
            var (lo0, hi0, lo1, hi1) = (tables.Lo0x, tables.Hi0x, tables.Lo1x, tables.Hi1x);
            for (; i + Vector512<byte>.Count < data.Length; i += Vector512<byte>.Count)
            {
                buckets = BucketTables.Buckets512(ref origin, i, lo0, hi0, lo1, hi1);
                mask = ~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    if (i + BlockFilters.ReadLength <= data.Length)
                    {
                        mask = filters.Apply(ref origin, i, ref buckets);
                    }

                    if (mask != 0)
                    {
                        break;
                    }
                }
            }

            if (mask == 0)
            {
                break;
            }

            var literal = ~Vector512.Equals(buckets & visitor.Patterns.Buckets.LiteralBuckets512, Vector512<byte>.Zero).ExtractMostSignificantBits();
            var hit = visitor.Visit(data, i, mask, literal, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                next = i;
                return hit;
            }

            // Starts before both frontiers are proven clean: the next block begins at them when they are further.
            i = Math.Max(i + Vector512<byte>.Count, Math.Min(Math.Min(clean.PerCharacter, clean.Literal), data.Length));
        }

        next = i;
        return default;
    }
}
