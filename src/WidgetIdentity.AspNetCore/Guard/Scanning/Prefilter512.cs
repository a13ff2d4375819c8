using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The prefilter loop on 64-byte blocks (AVX-512 BW), with the block filters on blocks that have candidates. With
/// AVX-512 VBMI the buckets come from one table look-up per byte (<see cref="BucketTables.Buckets512Vbmi"/>), with
/// fewer instructions per block than the nibble look-ups.
/// </summary>
internal static class Prefilter512
{
    private const int FourBlocks = 4 * 64;

    /// <summary>
    /// The first hit from <paramref name="from"/>, visiting the candidates of each block; when none, <paramref name="next"/>
    /// is where the blocks end and a narrower loop goes on.
    /// </summary>
    public static ScanHit Find(BlockVisitor visitor, ReadOnlySpan<byte> data, int from, bool final, ref Frontier clean, out int next)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        var patterns = visitor.Patterns;
        var vbmi = Avx512Vbmi.IsSupported;
        var end = data.Length - Vector512<byte>.Count; // each block reads one byte past its 64
        var i = from;
        while (i < end)
        {
            var (buckets, mask) = (default(Vector512<byte>), 0UL);
            i = vbmi
                ? NextBlock<ByteLookup>(ref origin, i, data.Length, patterns, ref buckets, ref mask)
                : NextBlock<NibbleLookup>(ref origin, i, data.Length, patterns, ref buckets, ref mask);
            if (mask == 0)
            {
                break;
            }

            var literal = ~Vector512.Equals(buckets & patterns.Buckets.LiteralBuckets512, Vector512<byte>.Zero).ExtractMostSignificantBits();
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

    // The first block from i that has candidates the block filters leave: its start, buckets and candidates; where the
    // blocks stop, with no candidates, when none has. A tight loop of its own, never inlined: inside a larger method the
    // JIT kept i on the stack, a store and a load per block. TLookup (a struct, so each is compiled on its own) reads
    // the buckets.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NextBlock<TLookup>(ref byte origin, int i, int length, CompiledPatterns patterns, ref Vector512<byte> buckets, ref ulong mask)
        where TLookup : struct, IPairLookup512
    {
        var (t0, t1, t2, t3) = TLookup.Tables(patterns.Buckets);
        var testedTo = i; // the blocks before this one share a four-block test that found candidates
        var carry = BlockCarry.None;
        for (; i + Vector512<byte>.Count < length; i += Vector512<byte>.Count)
        {
            if (i >= testedTo)
            {
                while (i + FourBlocks < length && NoneInFour<TLookup>(ref origin, i, t0, t1, t2, t3))
                {
                    i += FourBlocks;
                }

                testedTo = i + FourBlocks;
                if (i + Vector512<byte>.Count >= length)
                {
                    break; // the four-block test passed over the last whole block: no block left to read
                }
            }

            var found = TLookup.Buckets(ref origin, i, t0, t1, t2, t3);
            if (found != Vector512<byte>.Zero && (mask = Filter(ref origin, i, length, patterns.Filters, ref found, ref carry)) != 0)
            {
                buckets = found;
                return i;
            }
        }

        return i;
    }

    // Whether the four blocks from i have no candidates: one test for the four, so clean text costs fewer instructions.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NoneInFour<TLookup>(ref byte origin, int i, Vector512<byte> t0, Vector512<byte> t1, Vector512<byte> t2, Vector512<byte> t3)
        where TLookup : struct, IPairLookup512 =>
        (TLookup.Buckets(ref origin, i, t0, t1, t2, t3)
            | TLookup.Buckets(ref origin, i + Vector512<byte>.Count, t0, t1, t2, t3)
            | TLookup.Buckets(ref origin, i + (2 * Vector512<byte>.Count), t0, t1, t2, t3)
            | TLookup.Buckets(ref origin, i + (3 * Vector512<byte>.Count), t0, t1, t2, t3)) == Vector512<byte>.Zero;

    // The candidates of a block the filters leave (all of them near the end of the data, where the filters cannot read).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Filter(ref byte origin, int i, int length, BlockFilters filters, ref Vector512<byte> buckets, ref BlockCarry carry) =>
        i + BlockFilters.ReadLength <= length
            ? filters.Apply(ref origin, i, ref buckets, ref carry)
            : ~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits();

    /// <summary>How a 512-bit loop reads the buckets of 64 pairs, from four tables it keeps in registers.</summary>
    private interface IPairLookup512
    {
        static abstract (Vector512<byte> T0, Vector512<byte> T1, Vector512<byte> T2, Vector512<byte> T3) Tables(BucketTables tables);

        static abstract Vector512<byte> Buckets(ref byte origin, int i, Vector512<byte> t0, Vector512<byte> t1, Vector512<byte> t2, Vector512<byte> t3);
    }

    /// <summary>Two nibble look-ups per byte (AVX-512 BW).</summary>
    private readonly struct NibbleLookup : IPairLookup512
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector512<byte> T0, Vector512<byte> T1, Vector512<byte> T2, Vector512<byte> T3) Tables(BucketTables tables) =>
            (tables.Lo0x, tables.Hi0x, tables.Lo1x, tables.Hi1x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<byte> Buckets(ref byte origin, int i, Vector512<byte> t0, Vector512<byte> t1, Vector512<byte> t2, Vector512<byte> t3) =>
            BucketTables.Buckets512(ref origin, i, t0, t1, t2, t3);
    }

    /// <summary>One look-up per byte (AVX-512 VBMI): 128 entries for the first, 64 for the second.</summary>
    private readonly struct ByteLookup : IPairLookup512
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector512<byte> T0, Vector512<byte> T1, Vector512<byte> T2, Vector512<byte> T3) Tables(BucketTables tables) =>
            (tables.First0x, tables.First1x, tables.SecondByLow6, default);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<byte> Buckets(ref byte origin, int i, Vector512<byte> t0, Vector512<byte> t1, Vector512<byte> t2, Vector512<byte> t3) =>
            BucketTables.Buckets512Vbmi(ref origin, i, t0, t1, t2);
    }
}
