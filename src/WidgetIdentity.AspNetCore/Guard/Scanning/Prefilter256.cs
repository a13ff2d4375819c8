using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The prefilter loops on AVX2: 64-byte blocks as two 256-bit halves, with the block filters on blocks that have
/// candidates (as <see cref="Prefilter512"/>), then 32-byte blocks to the last but one byte of the data.
/// </summary>
internal static class Prefilter256
{
    private const int Block = 2 * 32;

    /// <summary>
    /// The first hit from <paramref name="from"/>, visiting the candidates of each block; when none, <paramref name="next"/>
    /// is where the blocks end and the scalar loop goes on. There must be more than 32 bytes from <paramref name="from"/>.
    /// </summary>
    public static ScanHit Find(BlockVisitor visitor, ReadOnlySpan<byte> data, int from, bool final, ref Frontier clean, out int next)
    {
        // Each block reads 33 bytes (a byte and its successor for 32 positions); the last block is moved back to
        // end at the last but one byte, with the positions already checked masked off.
        ref var origin = ref MemoryMarshal.GetReference(data);
        var lastBlock = data.Length - Vector256<byte>.Count - 1;
        var i = from;
        if (data.Length - i > Block) // never after the AVX-512 loop, which leaves less than a block
        {
            var blockHit = FindInBlocks(visitor, data, ref i, final, ref clean);
            if (blockHit.Kind != ScanHitKind.None)
            {
                next = i;
                return blockHit;
            }
        }

        while (true)
        {
            var mask = 0U;
            var buckets = Vector256<byte>.Zero;
            var tables = visitor.Patterns.Buckets;
            var (lo0, hi0, lo1, hi1) = (tables.Lo0, tables.Hi0, tables.Lo1, tables.Hi1);
            for (; i < lastBlock; i += Vector256<byte>.Count)
            {
                buckets = BucketTables.Buckets256(ref origin, i, lo0, hi0, lo1, hi1);
                mask = ~Vector256.Equals(buckets, Vector256<byte>.Zero).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    break;
                }
            }

            if (mask == 0)
            {
                break;
            }

            var literal = ~Vector256.Equals(buckets & visitor.Patterns.Buckets.LiteralBuckets256, Vector256<byte>.Zero).ExtractMostSignificantBits();
            var hit = visitor.Visit(data, i, mask, literal, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                next = i;
                return hit;
            }

            i = Math.Max(i + Vector256<byte>.Count, Math.Min(Math.Min(clean.PerCharacter, clean.Literal), data.Length));
        }

        var already = i - lastBlock;
        if (already < Vector256<byte>.Count)
        {
            var tables = visitor.Patterns.Buckets;
            var buckets = BucketTables.Buckets256(ref origin, lastBlock, tables.Lo0, tables.Hi0, tables.Lo1, tables.Hi1);
            var mask = ~Vector256.Equals(buckets, Vector256<byte>.Zero).ExtractMostSignificantBits() & (uint.MaxValue << already);
            if (mask != 0)
            {
                var literal = ~Vector256.Equals(buckets & tables.LiteralBuckets256, Vector256<byte>.Zero).ExtractMostSignificantBits();
                var hit = visitor.Visit(data, lastBlock, mask, literal, final, ref clean);
                if (hit.Kind != ScanHitKind.None)
                {
                    next = lastBlock;
                    return hit;
                }
            }
        }

        next = lastBlock + Vector256<byte>.Count;
        return default;
    }

    // The 64-byte block loop; leaves i where 64 bytes or fewer remain, for the 32-byte loop.
    private static ScanHit FindInBlocks(BlockVisitor visitor, ReadOnlySpan<byte> data, ref int next, bool final, ref Frontier clean)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        var filters = visitor.Patterns.Filters;
        var tables = visitor.Patterns.Buckets;
        var i = next;
        var hit = default(ScanHit);
        var carry = BlockCarry.None;
        while (true)
        {
            // A tight loop without calls, so that the tables stay in registers; candidates are visited outside it.
            var mask = 0UL;
            var (low, high) = (Vector256<byte>.Zero, Vector256<byte>.Zero);
            var (lo0, hi0, lo1, hi1) = (tables.Lo0, tables.Hi0, tables.Lo1, tables.Hi1);
            for (; i + Block < data.Length; i += Block)
            {
                low = BucketTables.Buckets256(ref origin, i, lo0, hi0, lo1, hi1);
                high = BucketTables.Buckets256(ref origin, i + 32, lo0, hi0, lo1, hi1);
                if ((low | high) != Vector256<byte>.Zero)
                {
                    mask = i + BlockFilters.ReadLength <= data.Length
                        ? filters.Apply256(ref origin, i, ref low, ref high, ref carry)
                        : BlockFilters.Candidates256(low, high);
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

            var literal = BlockFilters.Candidates256(low & tables.LiteralBuckets256, high & tables.LiteralBuckets256);
            hit = visitor.Visit(data, i, mask, literal, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                break;
            }

            i = Math.Max(i + Block, Math.Min(Math.Min(clean.PerCharacter, clean.Literal), data.Length));
        }

        next = i;
        return hit;
    }
}
