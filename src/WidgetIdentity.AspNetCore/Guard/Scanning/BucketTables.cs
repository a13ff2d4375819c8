using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The prefilter's nibble tables (Teddy): for a byte and the next one, a bit for each of eight buckets whose patterns
/// can start there, read 64, 32 or one position at a time.
/// </summary>
/// <remarks>
/// Buckets 0 and 1 hold the escape introducers (their candidates may begin an escaped occurrence); the others hold
/// the patterns' first two bytes.
/// </remarks>
internal sealed class BucketTables
{
    public const int AmpPercent = 0;
    public const int Backslash = 1;
    public const int FirstPattern = 2;
    public const int Count = 8;
    public const int Introducers = (1 << AmpPercent) | (1 << Backslash);

    /// <summary>
    /// The length of the tables <see cref="Add"/> fills: four nibble tables of 16, then a byte table of 128 for the
    /// first byte and one of 64 for the second.
    /// </summary>
    public const int TablesLength = ByteTables + 128 + 64;

    private const int ByteTables = 64;

    private readonly byte[] _tables; // lo0, hi0, lo1, hi1: 16 bytes each; then the first and second byte tables

    /// <param name="tables">
    /// <see cref="TablesLength"/> bytes: the four 16-byte tables (low and high nibble of the first byte, then of the
    /// second), then the buckets of each first byte by its low seven bits (128) and of each second byte by its low six
    /// bits (64).
    /// </param>
    /// <param name="literalBuckets">The bits of the buckets that hold literal patterns.</param>
    public BucketTables(byte[] tables, int literalBuckets)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
        LiteralBuckets = literalBuckets;
        Lo0 = Vector256.Create(Vector128.Create(tables.AsSpan(0, 16)));
        Hi0 = Vector256.Create(Vector128.Create(tables.AsSpan(16, 16)));
        Lo1 = Vector256.Create(Vector128.Create(tables.AsSpan(32, 16)));
        Hi1 = Vector256.Create(Vector128.Create(tables.AsSpan(48, 16)));
        Lo0x = Vector512.Create(Lo0, Lo0);
        Hi0x = Vector512.Create(Hi0, Hi0);
        Lo1x = Vector512.Create(Lo1, Lo1);
        Hi1x = Vector512.Create(Hi1, Hi1);
        LiteralBuckets256 = Vector256.Create((byte)literalBuckets);
        LiteralBuckets512 = Vector512.Create((byte)literalBuckets);
        First0x = Vector512.Create(tables.AsSpan(ByteTables, 64));
        First1x = Vector512.Create(tables.AsSpan(ByteTables + 64, 64));
        SecondByLow6 = Vector512.Create(tables.AsSpan(ByteTables + 128, 64));
    }

    public int LiteralBuckets { get; }

    public Vector256<byte> Lo0 { get; }

    public Vector256<byte> Hi0 { get; }

    public Vector256<byte> Lo1 { get; }

    public Vector256<byte> Hi1 { get; }

    public Vector512<byte> Lo0x { get; }

    public Vector512<byte> Hi0x { get; }

    public Vector512<byte> Lo1x { get; }

    public Vector512<byte> Hi1x { get; }

    public Vector256<byte> LiteralBuckets256 { get; }

    public Vector512<byte> LiteralBuckets512 { get; }

    /// <summary>The buckets of each first byte by its low seven bits, 0x00-0x3F (for <see cref="Buckets512Vbmi"/>).</summary>
    public Vector512<byte> First0x { get; }

    /// <summary>The same for 0x40-0x7F.</summary>
    public Vector512<byte> First1x { get; }

    /// <summary>The buckets of each second byte by its low six bits: the four bytes that share them together.</summary>
    public Vector512<byte> SecondByLow6 { get; }

    /// <summary>Sets <paramref name="bucket"/>'s bit for each first byte and each second byte (any second byte when null).</summary>
    public static void Add(byte[] tables, int bucket, byte[] firstBytes, byte[]? secondBytes)
    {
        var bit = (byte)(1 << bucket);
        foreach (var b in firstBytes)
        {
            tables[b & 0xF] |= bit;
            tables[16 + (b >> 4)] |= bit;
            tables[ByteTables + (b & 0x7F)] |= bit;
        }

        foreach (var b in secondBytes ?? Enumerable.Range(0, 256).Select(static b => (byte)b))
        {
            tables[32 + (b & 0xF)] |= bit;
            tables[48 + (b >> 4)] |= bit;
            tables[ByteTables + 128 + (b & 0x3F)] |= bit;
        }
    }

    /// <summary>The buckets of the pair at <paramref name="i"/> (the last byte alone at the end of the data).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Scalar(ReadOnlySpan<byte> data, int i)
    {
        var b = data[i];
        var buckets = _tables[b & 0xF] & _tables[16 + (b >> 4)];
        if (i + 1 < data.Length)
        {
            var c = data[i + 1];
            buckets &= _tables[32 + (c & 0xF)] & _tables[48 + (c >> 4)];
        }

        return buckets;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Buckets256(ref byte origin, int i, Vector256<byte> lo0, Vector256<byte> hi0, Vector256<byte> lo1, Vector256<byte> hi1)
    {
        var first = Vector256.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector256.LoadUnsafe(ref origin, (nuint)i + 1);
        var nibble = Vector256.Create((byte)0x0F);
        return Avx2.Shuffle(lo0, first & nibble) & Avx2.Shuffle(hi0, Vector256.ShiftRightLogical(first.AsUInt16(), 4).AsByte() & nibble)
            & Avx2.Shuffle(lo1, second & nibble) & Avx2.Shuffle(hi1, Vector256.ShiftRightLogical(second.AsUInt16(), 4).AsByte() & nibble);
    }

    /// <summary>
    /// The buckets of 64 pairs with one table look-up per byte (AVX-512 VBMI) where the nibble tables need two: the
    /// first byte by its low seven bits in a 128-entry table (<c>vpermt2b</c>), the second by its low six bits in a
    /// 64-entry one (<c>vpermb</c>, cheaper). An entry holds the buckets of every byte that shares its index, so this
    /// admits every pair that begins a pattern; the others it admits pair a pattern's first byte (or one differing from
    /// it only in bit 7) with a byte that differs from an allowed second byte only in bits 6 and 7, which ordinary text
    /// seldom has.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Buckets512Vbmi(ref byte origin, int i, Vector512<byte> first0, Vector512<byte> first1, Vector512<byte> secondByLow6)
    {
        var first = Vector512.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector512.LoadUnsafe(ref origin, (nuint)i + 1);
        return Avx512Vbmi.PermuteVar64x8x2(first0, first, first1) & Avx512Vbmi.PermuteVar64x8(secondByLow6, second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<byte> Buckets512(ref byte origin, int i, Vector512<byte> lo0, Vector512<byte> hi0, Vector512<byte> lo1, Vector512<byte> hi1)
    {
        var first = Vector512.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector512.LoadUnsafe(ref origin, (nuint)i + 1);
        var nibble = Vector512.Create((byte)0x0F);
        return Avx512BW.Shuffle(lo0, first & nibble) & Avx512BW.Shuffle(hi0, Vector512.ShiftRightLogical(first.AsUInt16(), 4).AsByte() & nibble)
            & Avx512BW.Shuffle(lo1, second & nibble) & Avx512BW.Shuffle(hi1, Vector512.ShiftRightLogical(second.AsUInt16(), 4).AsByte() & nibble);
    }
}
