using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace WidgetIdentity.Guard;

/// <summary>
/// Every configured secret in every covered form, and a stateless search over UTF-8 bytes for the next
/// occurrence.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of pattern: the secret itself, where each character may be raw or escaped on its own (JSON,
/// HTML reference, percent; mixed in one occurrence), and literal whole-secret encodings (base64 and base64url
/// in the three alignments a secret can have inside a longer base64 text, hex in either case).
/// </para>
/// <para>
/// The search is a Teddy-style prefilter (as in Hyperscan and Rust's aho-corasick): for each position it checks,
/// 32 bytes at a time with nibble table look-ups, whether the byte and the next one can start a pattern. Every
/// occurrence of a per-character pattern starts with its first two raw bytes, or has an escape introducer
/// (<c>\ &amp; %</c>) within its first two units, so the introducers are candidates too; a candidate is then
/// checked exactly. Ordinary HTML yields few candidates, so the search runs near memory speed.
/// </para>
/// </remarks>
internal sealed class SecretPatternSet
{
    private const int BucketAmpPercent = 0;
    private const int BucketBackslash = 1;
    private const int FirstPatternBucket = 2;
    private const int BucketCount = 8;
    // An occurrence that starts with two raw bytes is a pair candidate; so an escape is either its first unit or
    // follows exactly one raw byte.
    private const int MaxRawPrefix = 1;

    private readonly byte[][] _secrets;
    private readonly Pattern[] _patterns;
    private readonly int[][] _bucketPatterns;
    private readonly byte[] _tables = new byte[64]; // lo0, hi0, lo1, hi1: 16 bytes each
    private readonly Vector256<byte> _lo0, _hi0, _lo1, _hi1;
    private readonly Vector512<byte> _lo0x, _hi0x, _lo1x, _hi1x;
    private readonly bool[] _early = new bool[256]; // bytes an escape at a candidate must decode to (s0, s1)

    public SecretPatternSet(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets.Select(Encoding.UTF8.GetBytes).Where(static s => s.Length >= 2).ToArray();
        if (_secrets.Length == 0)
        {
            throw new ArgumentException("At least one secret of two or more bytes is needed.", nameof(secrets));
        }

        var patterns = new List<Pattern>();
        for (var i = 0; i < _secrets.Length; i++)
        {
            patterns.Add(new Pattern(i, _secrets[i], PerCharacter: true, CaseInsensitive: false, SecretForms.Raw));
            AddBase64Patterns(patterns, i, _secrets[i]);
            patterns.Add(new Pattern(i, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(_secrets[i])), PerCharacter: false, CaseInsensitive: true, SecretForms.Hex));
        }

        _patterns = patterns.DistinctBy(static p => (Encoding.ASCII.GetString(p.Bytes), p.PerCharacter)).ToArray();
        MaxMatchLength = Math.Max(_secrets.Max(static s => s.Length) * EscapeDecoder.MaxEscapeLength, _patterns.Max(static p => p.Bytes.Length));

        Mask = new byte[MaxMatchLength];
        Mask.AsSpan().Fill((byte)'*');

        var buckets = new List<int>[BucketCount];
        for (var b = 0; b < BucketCount; b++)
        {
            buckets[b] = [];
        }

        foreach (var secret in _secrets)
        {
            _early[secret[0]] = _early[secret[1]] = true;
        }

        // An introducer is a candidate only when the byte after it can begin an escape of an early byte.
        AddToTables(BucketAmpPercent, [(byte)'&', (byte)'%'], EscapeDecoder.SecondBytes(_early, (byte)'&').Concat(EscapeDecoder.SecondBytes(_early, (byte)'%')).ToArray());
        AddToTables(BucketBackslash, [(byte)'\\'], EscapeDecoder.SecondBytes(_early, (byte)'\\'));
        for (var p = 0; p < _patterns.Length; p++)
        {
            var bucket = FirstPatternBucket + (p % (BucketCount - FirstPatternBucket));
            buckets[bucket].Add(p);
            var pattern = _patterns[p];
            AddToTables(bucket, Variants(pattern.Bytes[0], pattern.CaseInsensitive), Variants(pattern.Bytes[1], pattern.CaseInsensitive));
        }

        _bucketPatterns = buckets.Select(static b => b.ToArray()).ToArray();
        _lo0 = Vector256.Create(Vector128.Create(_tables.AsSpan(0, 16)));
        _hi0 = Vector256.Create(Vector128.Create(_tables.AsSpan(16, 16)));
        _lo1 = Vector256.Create(Vector128.Create(_tables.AsSpan(32, 16)));
        _hi1 = Vector256.Create(Vector128.Create(_tables.AsSpan(48, 16)));
        _lo0x = Vector512.Create(_lo0, _lo0);
        _hi0x = Vector512.Create(_hi0, _hi0);
        _lo1x = Vector512.Create(_lo1, _lo1);
        _hi1x = Vector512.Create(_hi1, _hi1);
    }

    /// <summary>How many secrets the set holds.</summary>
    public int SecretCount => _secrets.Length;

    /// <summary>The longest encoded occurrence of any secret; a partial match is always shorter.</summary>
    public int MaxMatchLength { get; }

    /// <summary>Asterisks to send in place of an occurrence: as long as the longest one, so Content-Length stays true.</summary>
    public byte[] Mask { get; }

    /// <summary>
    /// Finds the first occurrence, or partial occurrence at the end of <paramref name="data"/>, that starts at or
    /// after <paramref name="from"/>. With <paramref name="final"/> the data ends there, so nothing is partial.
    /// </summary>
    public ScanHit FindNext(ReadOnlySpan<byte> data, int from, bool final)
    {
        for (var position = from; position < data.Length; position++)
        {
            position = NextCandidate(data, position);
            if (position < 0)
            {
                return default;
            }

            var hit = CheckCandidate(data, position, from, final);
            if (hit.Kind != ScanHitKind.None)
            {
                return hit;
            }
        }

        return default;
    }

    // The first position >= start whose byte, and the byte after it (any byte at the very end), can begin a pattern.
    private int NextCandidate(ReadOnlySpan<byte> data, int start)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        var i = start;
        if (Avx512BW.IsSupported)
        {
            for (; i + Vector512<byte>.Count < data.Length; i += Vector512<byte>.Count)
            {
                var mask = CandidateMask512(ref origin, i);
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        if (Avx2.IsSupported && data.Length - i > Vector256<byte>.Count)
        {
            // Each block reads 33 bytes (a byte and its successor for 32 positions); the last block is moved back to
            // end at the last but one byte, with the positions already checked masked off.
            var lastBlock = data.Length - Vector256<byte>.Count - 1;
            for (; i < lastBlock; i += Vector256<byte>.Count)
            {
                var mask = CandidateMask(ref origin, i);
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }

            var seen = i - lastBlock;
            var last = seen >= Vector256<byte>.Count ? 0 : CandidateMask(ref origin, lastBlock) & (uint.MaxValue << seen);
            if (last != 0)
            {
                return lastBlock + BitOperations.TrailingZeroCount(last);
            }

            i = lastBlock + Vector256<byte>.Count;
        }

        for (; i < data.Length; i++)
        {
            if (ScalarBuckets(data, i) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint CandidateMask(ref byte origin, int i)
    {
        var first = Vector256.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector256.LoadUnsafe(ref origin, (nuint)i + 1);
        var nibble = Vector256.Create((byte)0x0F);
        var buckets =
            Avx2.Shuffle(_lo0, first & nibble) & Avx2.Shuffle(_hi0, Vector256.ShiftRightLogical(first.AsUInt16(), 4).AsByte() & nibble)
            & Avx2.Shuffle(_lo1, second & nibble) & Avx2.Shuffle(_hi1, Vector256.ShiftRightLogical(second.AsUInt16(), 4).AsByte() & nibble);
        return ~Vector256.Equals(buckets, Vector256<byte>.Zero).ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong CandidateMask512(ref byte origin, int i)
    {
        var first = Vector512.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector512.LoadUnsafe(ref origin, (nuint)i + 1);
        var nibble = Vector512.Create((byte)0x0F);
        var buckets =
            Avx512BW.Shuffle(_lo0x, first & nibble) & Avx512BW.Shuffle(_hi0x, Vector512.ShiftRightLogical(first.AsUInt16(), 4).AsByte() & nibble)
            & Avx512BW.Shuffle(_lo1x, second & nibble) & Avx512BW.Shuffle(_hi1x, Vector512.ShiftRightLogical(second.AsUInt16(), 4).AsByte() & nibble);
        return ~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits();
    }

    private int ScalarBuckets(ReadOnlySpan<byte> data, int i)
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

    private ScanHit CheckCandidate(ReadOnlySpan<byte> data, int position, int from, bool final)
    {
        var buckets = ScalarBuckets(data, position);
        var best = default(ScanHit);
        if ((buckets & ((1 << BucketAmpPercent) | (1 << BucketBackslash))) != 0 && EscapeDecoder.IsIntroducer(data[position])
            && EscapeDecoder.Decode(data[position..], final) is var unit
            && (unit.Status == DecodeStatus.NeedMore || (unit.Status == DecodeStatus.Ok && _early[(byte)unit.Bytes])))
        {
            // An escape is the first unit of an occurrence, or follows its first raw character.
            for (var s = 0; s < _secrets.Length; s++)
            {
                var secret = _secrets[s];
                for (var start = Math.Max(from, position - MaxRawPrefix); start <= position; start++)
                {
                    if (start == position || data[start..position].SequenceEqual(secret.AsSpan(0, Math.Min(position - start, secret.Length))))
                    {
                        best = Better(best, MatchPerCharacter(data, start, secret, 0, 0, final, start), s);
                    }
                }
            }
        }

        for (var bucket = FirstPatternBucket; bucket < BucketCount; bucket++)
        {
            if ((buckets & (1 << bucket)) == 0)
            {
                continue;
            }

            foreach (var p in _bucketPatterns[bucket])
            {
                var pattern = _patterns[p];
                var hit = pattern.PerCharacter
                    ? MatchPerCharacter(data, position, pattern.Bytes, 0, 0, final, position)
                    : MatchLiteral(data, position, pattern, final);
                best = Better(best, hit, pattern.Secret);
            }
        }

        return best;
    }

    // The earliest start wins (everything before it is then known to be clean); at one start a full match wins.
    private static ScanHit Better(ScanHit best, ScanHit hit, int secret)
    {
        if (hit.Kind == ScanHitKind.None)
        {
            return best;
        }

        hit = hit with { Secret = secret };
        if (best.Kind == ScanHitKind.None || hit.Start < best.Start)
        {
            return hit;
        }

        return hit.Start == best.Start && hit.Kind == ScanHitKind.Match
            && (best.Kind == ScanHitKind.Partial || hit.Length > best.Length) ? hit : best;
    }

    private static ScanHit MatchLiteral(ReadOnlySpan<byte> data, int start, Pattern pattern, bool final)
    {
        var expected = pattern.Bytes;
        var available = Math.Min(expected.Length, data.Length - start);
        for (var i = 0; i < available; i++)
        {
            var b = data[start + i];
            if (b != expected[i] && !(pattern.CaseInsensitive && (b | 0x20) == expected[i] && b is >= (byte)'A' and <= (byte)'F'))
            {
                return default;
            }
        }

        if (available < expected.Length)
        {
            return final ? default : ScanHit.PartialAt(start);
        }

        return ScanHit.MatchAt(start, expected.Length, pattern.Form);
    }

    // Matches secret[k..] at data[i..], each unit raw or escaped. Introducer bytes that the secret also holds raw
    // are tried both ways, so "&amp;" in a secret is found raw and '&' is found as "&amp;".
    private static ScanHit MatchPerCharacter(ReadOnlySpan<byte> data, int i, ReadOnlySpan<byte> secret, int k, SecretForms forms, bool final, int start)
    {
        while (k < secret.Length)
        {
            // Raw bytes up to the secret's next introducer byte, which must be tried both raw and as an escape.
            var rest = secret[k..];
            var plain = rest.IndexOfAny((byte)'\\', (byte)'&', (byte)'%');
            var run = data[i..].CommonPrefixLength(plain < 0 ? rest : rest[..plain]);
            i += run;
            k += run;
            if (k == secret.Length)
            {
                break;
            }

            if (i >= data.Length)
            {
                return final ? default : ScanHit.PartialAt(start);
            }

            var b = data[i];
            if (EscapeDecoder.IsIntroducer(b))
            {
                var decoded = EscapeDecoder.Decode(data[i..], final);
                var escaped = decoded.Status switch
                {
                    DecodeStatus.NeedMore => ScanHit.PartialAt(start),
                    DecodeStatus.Ok when decoded.IsPrefixOf(secret[k..]) =>
                        MatchPerCharacter(data, i + decoded.Length, secret, k + decoded.ByteCount, forms | decoded.Form, final, start),
                    _ => default,
                };
                if (escaped.Kind == ScanHitKind.Match || b != secret[k])
                {
                    return escaped;
                }

                var raw = MatchPerCharacter(data, i + 1, secret, k + 1, forms, final, start);
                return raw.Kind != ScanHitKind.None ? raw : escaped;
            }

            if (b != secret[k])
            {
                return default;
            }

            i++;
            k++;
        }

        return ScanHit.MatchAt(start, i - start, forms == 0 ? SecretForms.Raw : forms);
    }

    // The characters of base64(zeros + secret) whose six bits all come from the secret, for 0, 1 and 2 leading
    // zero bytes: what a secret looks like at any offset inside a longer base64 text (the edge characters,
    // which mix in neighbouring bytes, are not part of the pattern).
    private static void AddBase64Patterns(List<Pattern> patterns, int secretIndex, byte[] secret)
    {
        for (var alignment = 0; alignment < 3; alignment++)
        {
            var input = new byte[alignment + secret.Length];
            secret.CopyTo(input, alignment);
            var encoded = Convert.ToBase64String(input);
            var first = ((8 * alignment) + 5) / 6;
            var last = ((8 * (alignment + secret.Length)) / 6) - 1;
            if (last - first + 1 < 2)
            {
                continue;
            }

            var core = encoded[first..(last + 1)];
            patterns.Add(new Pattern(secretIndex, Encoding.ASCII.GetBytes(core), PerCharacter: false, CaseInsensitive: false, SecretForms.Base64));
            var url = core.Replace('+', '-').Replace('/', '_');
            if (url != core)
            {
                patterns.Add(new Pattern(secretIndex, Encoding.ASCII.GetBytes(url), PerCharacter: false, CaseInsensitive: false, SecretForms.Base64Url));
            }
        }
    }

    private static byte[] Variants(byte b, bool caseInsensitive) =>
        caseInsensitive && b is >= (byte)'a' and <= (byte)'f' ? [b, (byte)(b - 0x20)] : [b];

    private void AddToTables(int bucket, byte[] firstBytes, byte[]? secondBytes)
    {
        var bit = (byte)(1 << bucket);
        foreach (var b in firstBytes)
        {
            _tables[b & 0xF] |= bit;
            _tables[16 + (b >> 4)] |= bit;
        }

        for (var n = 0; n < 16; n++)
        {
            if (secondBytes is null)
            {
                _tables[32 + n] |= bit;
                _tables[48 + n] |= bit;
            }
        }

        foreach (var b in secondBytes ?? [])
        {
            _tables[32 + (b & 0xF)] |= bit;
            _tables[48 + (b >> 4)] |= bit;
        }
    }

    private sealed record Pattern(int Secret, byte[] Bytes, bool PerCharacter, bool CaseInsensitive, SecretForms Form);
}

internal enum ScanHitKind
{
    None,
    Match,
    Partial,
}

/// <summary>An occurrence found by <see cref="SecretPatternSet.FindNext"/>: where it starts, how long, and in which form.</summary>
internal readonly record struct ScanHit(ScanHitKind Kind, int Start, int Length, SecretForms Form, int Secret)
{
    public static ScanHit MatchAt(int start, int length, SecretForms form) => new(ScanHitKind.Match, start, length, form, 0);

    public static ScanHit PartialAt(int start) => new(ScanHitKind.Partial, start, 0, 0, 0);
}
