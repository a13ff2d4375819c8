using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

/// <summary>
/// The block filters with masks carried from block to block, on AVX-512 and in their AVX2 forms (two 256-bit halves),
/// against the AVX-512 filters on each block alone, so that a machine with AVX-512 checks the AVX2 filters in its
/// default run too; with AVX-512 off, the reference tests cover them through the search.
/// </summary>
public class BlockFilters256Tests
{
    private const int Bucket = 1 << 3;
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(TestSecrets.Plain);

    [Fact]
    public void The_byte_classes_hold_exactly_the_ASCII_bytes_of_the_set()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        static bool Contains(byte b) => b % 3 == 0 || b is (byte)' ' or (byte)'<' or (byte)'"' or >= 0x7B;
        var classes = new ByteClasses256(Contains);
        var bytes = Enumerable.Range(0, 256).Select(static b => (byte)b).ToArray();
        for (var at = 0; at < bytes.Length; at += 64)
        {
            var members = classes.Members(Vector256.Create(bytes.AsSpan(at, 32)), Vector256.Create(bytes.AsSpan(at + 32, 32)));
            for (var j = 0; j < 64; j++)
            {
                var b = bytes[at + j];
                Assert.True(((members >> j) & 1) == (Contains(b) && b < 0x80 ? 1UL : 0UL), $"byte 0x{b:X2}");
            }
        }
    }

    [Fact]
    public void The_filters_drop_the_same_starts_with_masks_carried_from_block_to_block_and_on_AVX2()
    {
        if (!(Avx2.IsSupported && Avx512BW.IsSupported && ByteClasses.IsSupported))
        {
            return;
        }

        var held = new bool[256];
        foreach (var b in Secret)
        {
            held[b] = true;
        }

        var raw = new RawStartFilter(Bucket, Secret);
        var escapes = new EscapeRunFilter(Bucket, held, Secret.Length);
        var thirdByte = new ThirdByteFilter([.. Enumerable.Range(0, 8).Select(static b => b == 3 ? "TS\\&%Ea"u8.ToArray() : null)]);
        var random = new Random(12);
        var dropped = 0;
        for (var round = 0; round < 20; round++)
        {
            var data = Encoding.UTF8.GetBytes(NearMisses(random));
            ref var origin = ref MemoryMarshal.GetArrayDataReference(data);
            var (carry256, carry512) = (BlockCarry.None, BlockCarry.None);
            for (var block = 0; block + 132 <= data.Length; block += random.Next(4) == 0 ? 64 * random.Next(2, 4) : 64)
            {
                // Every position where a raw start or a backslash could be a candidate, in the bucket the filters test.
                var buckets = Vector512.Create(data.AsSpan(block, 64));
                buckets = (Vector512.Equals(buckets, Vector512.Create(Secret[0])) | Vector512.Equals(buckets, Vector512.Create((byte)'\\'))) & Vector512.Create((byte)Bucket);
                var (low, high) = (buckets.GetLower(), buckets.GetUpper());

                // Expected: the AVX-512 filters on this block alone, with nothing carried from the block before.
                var (fresh, freshEscapes) = (BlockCarry.None, BlockCarry.None);
                var expected = raw.NotOccurrences(ref origin, block, buckets, ref fresh);
                Assert.Equal(expected, raw.NotOccurrences(ref origin, block, buckets, ref carry512));
                Assert.Equal(expected, raw.NotOccurrences256(ref origin, block, low, high, ref carry256));
                var escaped = escapes.NotOccurrences(ref origin, block, buckets, ref freshEscapes);
                Assert.Equal(escaped, escapes.NotOccurrences(ref origin, block, buckets, ref carry512));
                Assert.Equal(escaped, escapes.NotOccurrences256(ref origin, block, low, high, ref carry256));
                var narrowed = thirdByte.Narrow(ref origin, block, buckets);
                thirdByte.Narrow256(ref origin, block, ref low, ref high);
                Assert.Equal(narrowed, Vector512.Create(low, high));
                dropped += ulong.PopCount(expected | escaped) > 0 ? 1 : 0;
            }
        }

        Assert.True(dropped > 100, $"only {dropped} blocks had starts to drop");
    }

    // Proper prefixes of the secret, raw or as \u00XX escapes, the occasional whole secret with an escape in it, cut
    // by spaces, quotes, introducers or nothing.
    private static string NearMisses(Random random)
    {
        var text = new StringBuilder();
        while (text.Length < 4000)
        {
            var prefix = TestSecrets.Plain[..random.Next(1, TestSecrets.Plain.Length)];
            text.Append(random.Next(6) switch
            {
                0 => string.Concat(prefix.Select(static c => $"\\u{(int)c:x4}")),
                1 => TestSecrets.Plain[..^1] + "\\u0062",
                _ => prefix,
            });
            text.Append(" \"&%\\x"[random.Next(6)]);
        }

        return text.ToString();
    }
}
