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
    private const int IntroducerBuckets = (1 << BucketAmpPercent) | (1 << BucketBackslash);
    private const int RawOrEscapeReadLength = RawStartFilter.ReadLength > EscapeRunFilter.ReadLength ? RawStartFilter.ReadLength : EscapeRunFilter.ReadLength;
    private const int FilterReadLength = RawOrEscapeReadLength > ThirdByteFilter.ReadLength ? RawOrEscapeReadLength : ThirdByteFilter.ReadLength;

    private readonly byte[][] _secrets;
    private readonly PerCharacterPattern[] _perCharacter; // one per distinct secret, with its bucket bit
    private readonly Literal[] _literals;
    private readonly int[][] _bucketLiterals;
    private readonly int _literalBuckets;
    private readonly byte[] _tables = new byte[64]; // lo0, hi0, lo1, hi1: 16 bytes each
    private readonly Vector256<byte> _lo0, _hi0, _lo1, _hi1, _literalBuckets256;
    private readonly Vector512<byte> _lo0x, _hi0x, _lo1x, _hi1x, _literalBuckets512;

    // Skipping (see MatchUnambiguous): only when no secret holds an introducer byte, so that every byte of the
    // input is read one way by every secret; _skipForms are the escapes whose inner bytes cannot begin a secret.
    private readonly bool _unambiguous;
    private readonly SecretForms _skipForms;
    private readonly int[][] _shift;
    private readonly int _minLiteralLength;
    private readonly int _singleRawBucket = -1; // the bucket of the only secret's raw pattern, when it has no introducer
    private readonly byte[] _singleJsonLower = []; // that secret's ASCII prefix as lowercase \u00XX escapes, one after another
    private readonly Vector512<byte> _singleRawHead, _singleJsonHead; // the first 64 bytes of the two, zero padded
    private readonly RawStartFilter[] _rawFilters; // for the raw buckets that hold one secret
    private readonly ThirdByteFilter _thirdByte;
    private readonly EscapeRunFilter? _escapeFilter;

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

        var distinct = patterns.DistinctBy(static p => (Encoding.ASCII.GetString(p.Bytes), p.PerCharacter)).ToArray();
        MaxMatchLength = Math.Max(_secrets.Max(static s => s.Length) * EscapeDecoder.MaxEscapeLength, distinct.Max(static p => p.Bytes.Length));

        Mask = new byte[MaxMatchLength];
        Mask.AsSpan().Fill((byte)'*');

        var early = new bool[256]; // bytes an escape at a candidate must decode to (s0, s1)
        var held = new bool[256];  // bytes some secret holds
        foreach (var secret in _secrets)
        {
            early[secret[0]] = early[secret[1]] = true;
            foreach (var b in secret)
            {
                held[b] = true;
            }
        }

        // An introducer is a candidate only when the byte after it can begin an escape of an early byte.
        AddToTables(BucketAmpPercent, [(byte)'&', (byte)'%'], EscapeDecoder.SecondBytes(early, (byte)'&').Concat(EscapeDecoder.SecondBytes(early, (byte)'%')).ToArray());
        AddToTables(BucketBackslash, [(byte)'\\'], EscapeDecoder.SecondBytes(early, (byte)'\\'));
        var perCharacter = new List<PerCharacterPattern>();
        var literals = new List<Literal>();
        var bucketLiterals = new List<int>[BucketCount];
        for (var b = 0; b < BucketCount; b++)
        {
            bucketLiterals[b] = [];
        }

        // Per-character patterns first, in buckets of their own when there are few secrets, so that a raw candidate
        // does not also try literals; literals share the remaining buckets.
        distinct = [.. distinct.Where(static p => p.PerCharacter), .. distinct.Where(static p => !p.PerCharacter)];
        var thirdBytes = new HashSet<byte>?[BucketCount]; // what the byte after a candidate's two may be; null: anything
        for (var b = FirstPatternBucket; b < BucketCount; b++)
        {
            thirdBytes[b] = [];
        }

        var perCharacterCount = distinct.Count(static p => p.PerCharacter);
        var perCharacterBuckets = Math.Min(perCharacterCount, (BucketCount - FirstPatternBucket) / 2);
        for (var p = 0; p < distinct.Length; p++)
        {
            var bucket = p < perCharacterCount
                ? FirstPatternBucket + (p % perCharacterBuckets)
                : FirstPatternBucket + perCharacterBuckets + ((p - perCharacterCount) % (BucketCount - FirstPatternBucket - perCharacterBuckets));
            var pattern = distinct[p];
            AddToTables(bucket, Variants(pattern.Bytes[0], pattern.CaseInsensitive), Variants(pattern.Bytes[1], pattern.CaseInsensitive));
            if (thirdBytes[bucket] is { } allowed)
            {
                // A two-byte pattern allows any third byte; one with more, its own (raw, or an escape's introducer).
                if (pattern.Bytes.Length < 3)
                {
                    thirdBytes[bucket] = null;
                }
                else
                {
                    allowed.UnionWith(Variants(pattern.Bytes[2], pattern.CaseInsensitive));
                    if (pattern.PerCharacter)
                    {
                        allowed.UnionWith(EscapeDecoder.Introducers.ToArray());
                    }
                }
            }
            if (pattern.PerCharacter)
            {
                perCharacter.Add(new PerCharacterPattern(pattern.Secret, 1 << bucket));
            }
            else
            {
                bucketLiterals[bucket].Add(literals.Count);
                literals.Add(new Literal(pattern.Secret, pattern.Bytes, pattern.CaseInsensitive, pattern.Form));
                _literalBuckets |= 1 << bucket;
            }
        }

        _perCharacter = [.. perCharacter];
        _rawFilters = perCharacterCount > perCharacterBuckets ? [] : _perCharacter
            .Where(p => _secrets[p.Secret].Length is >= 3 and <= RawStartFilter.MaxSecretLength && !EscapeDecoder.IsIntroducer(_secrets[p.Secret][0]))
            .Select(p => new RawStartFilter(p.Bucket, _secrets[p.Secret]))
            .ToArray();
        _literals = [.. literals];
        _bucketLiterals = bucketLiterals.Select(static b => b.ToArray()).ToArray();
        _lo0 = Vector256.Create(Vector128.Create(_tables.AsSpan(0, 16)));
        _hi0 = Vector256.Create(Vector128.Create(_tables.AsSpan(16, 16)));
        _lo1 = Vector256.Create(Vector128.Create(_tables.AsSpan(32, 16)));
        _hi1 = Vector256.Create(Vector128.Create(_tables.AsSpan(48, 16)));
        _lo0x = Vector512.Create(_lo0, _lo0);
        _hi0x = Vector512.Create(_hi0, _hi0);
        _lo1x = Vector512.Create(_lo1, _lo1);
        _hi1x = Vector512.Create(_hi1, _hi1);
        _literalBuckets256 = Vector256.Create((byte)_literalBuckets);
        _literalBuckets512 = Vector512.Create((byte)_literalBuckets);

        _unambiguous = !_secrets.Any(static s => s.AsSpan().IndexOfAny((byte)'\\', (byte)'&', (byte)'%') >= 0);
        foreach (var form in new[] { SecretForms.JsonEscape, SecretForms.HtmlReference, SecretForms.PercentEncoding })
        {
            var body = new bool[256];
            EscapeDecoder.MarkBodyBytes(body, form, held);
            if (!_secrets.Any(s => body[s[0]]))
            {
                _skipForms |= form;
            }
        }

        _shift = _secrets.Select(s => Shifts(s, _secrets)).ToArray();
        if (_unambiguous && _secrets.Length == 1)
        {
            _singleRawBucket = _perCharacter[0].Bucket;
            var ascii = _secrets[0].AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            _singleJsonLower = Encoding.ASCII.GetBytes(string.Concat(_secrets[0].AsSpan(0, ascii < 0 ? _secrets[0].Length : ascii).ToArray().Select(static b => $"\\u{b:x4}")));
            _singleRawHead = Head(_secrets[0]);
            _singleJsonHead = Head(_singleJsonLower);
        }

        _minLiteralLength = _literals.Length == 0 ? int.MaxValue : _literals.Min(static l => l.Bytes.Length);
        _thirdByte = new ThirdByteFilter(thirdBytes);

        var escapeFilter = _unambiguous ? new EscapeRunFilter(1 << BucketBackslash, held, _secrets.Min(static s => s.Length)) : null;
        _escapeFilter = ByteClasses.IsSupported ? escapeFilter : null;
        _escapeFilter256 = Avx2.IsSupported ? escapeFilter : null;
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
        // Where occurrences can start: a failed attempt proves a stretch clean (MatchUnambiguous).
        var clean = new Frontier(from, from);
        ref var origin = ref MemoryMarshal.GetReference(data);
        var i = from;
        if (Avx512BW.IsSupported)
        {
            while (true)
            {
                // A tight loop without calls, so that the tables stay in registers; candidates are visited outside it.
                var mask = 0UL;
                var buckets = Vector512<byte>.Zero;
                var (lo0, hi0, lo1, hi1) = (_lo0x, _hi0x, _lo1x, _hi1x);
                for (; i + Vector512<byte>.Count < data.Length; i += Vector512<byte>.Count)
                {
                    buckets = Buckets512(ref origin, i, lo0, hi0, lo1, hi1);
                    mask = ~Vector512.Equals(buckets, Vector512<byte>.Zero).ExtractMostSignificantBits();
                    if (mask != 0)
                    {
                        if (i + FilterReadLength <= data.Length)
                        {
                            mask = Filter(ref origin, i, ref buckets);
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

                var literal = ~Vector512.Equals(buckets & _literalBuckets512, Vector512<byte>.Zero).ExtractMostSignificantBits();
                var hit = VisitBlock(data, i, mask, literal, final, ref clean);
                if (hit.Kind != ScanHitKind.None)
                {
                    return hit;
                }

                // Starts before both frontiers are proven clean: the next block begins at them when they are further.
                i = Math.Max(i + Vector512<byte>.Count, Math.Min(Math.Min(clean.PerCharacter, clean.Literal), data.Length));
            }
        }

        if (Avx2.IsSupported && data.Length - i > Vector256<byte>.Count)
        {
            // Not after the AVX-512 loop, which leaves no whole block.
            var blockHit = data.Length - i > 2 * Vector256<byte>.Count ? FindInBlocks256(data, ref i, final, ref clean) : default;
            if (blockHit.Kind != ScanHitKind.None)
            {
                return blockHit;
            }

            // Each block reads 33 bytes (a byte and its successor for 32 positions); the last block is moved back to
            // end at the last but one byte, with the positions already checked masked off.
            var lastBlock = data.Length - Vector256<byte>.Count - 1;
            while (true)
            {
                var mask = 0U;
                var buckets = Vector256<byte>.Zero;
                var (lo0, hi0, lo1, hi1) = (_lo0, _hi0, _lo1, _hi1);
                for (; i < lastBlock; i += Vector256<byte>.Count)
                {
                    buckets = Buckets256(ref origin, i, lo0, hi0, lo1, hi1);
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

                var literal = ~Vector256.Equals(buckets & _literalBuckets256, Vector256<byte>.Zero).ExtractMostSignificantBits();
                var hit = VisitBlock(data, i, mask, literal, final, ref clean);
                if (hit.Kind != ScanHitKind.None)
                {
                    return hit;
                }

                i = Math.Max(i + Vector256<byte>.Count, Math.Min(Math.Min(clean.PerCharacter, clean.Literal), data.Length));
            }

            var already = i - lastBlock;
            if (already < Vector256<byte>.Count)
            {
                var buckets = Buckets256(ref origin, lastBlock, _lo0, _hi0, _lo1, _hi1);
                var mask = ~Vector256.Equals(buckets, Vector256<byte>.Zero).ExtractMostSignificantBits() & (uint.MaxValue << already);
                if (mask != 0)
                {
                    var literal = ~Vector256.Equals(buckets & _literalBuckets256, Vector256<byte>.Zero).ExtractMostSignificantBits();
                        var hit = VisitBlock(data, lastBlock, mask, literal, final, ref clean);
                    if (hit.Kind != ScanHitKind.None)
                    {
                        return hit;
                    }
                }
            }

            i = lastBlock + Vector256<byte>.Count;
        }

        for (; i < data.Length; i++)
        {
            var buckets = ScalarBuckets(data, i);
            if (buckets != 0 && (i >= clean.PerCharacter || ((buckets & _literalBuckets) != 0 && i >= clean.Literal)))
            {
                var hit = CheckCandidate(data, i, buckets, final, ref clean);
                if (hit.Kind != ScanHitKind.None)
                {
                    return hit;
                }
            }
        }

        return default;
    }

    // The block's candidates less those the filters prove begin no occurrence; buckets are narrowed to match.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Filter(ref byte origin, int blockStart, ref Vector512<byte> buckets)
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

    // The candidates of one block, in order; a candidate that can only begin a per-character occurrence is passed
    // over when an earlier failed attempt has proved that none starts there.
    // Never inlined (profile-guided optimization would): in FindNext it costs the block loop its table registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ScanHit VisitBlock(ReadOnlySpan<byte> data, int blockStart, ulong mask, ulong literal, bool final, ref Frontier clean)
    {
        if (_singleRawBucket >= 0)
        {
            return VisitBlockSingle(data, blockStart, mask, literal, final, ref clean);
        }

        do
        {
            var bit = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var position = blockStart + bit;
            if (position < clean.PerCharacter && (((literal >> bit) & 1) == 0 || position < clean.Literal))
            {
                continue;
            }

            var buckets = ScalarBuckets(data, position);
            var hit = position < clean.PerCharacter
                ? CheckLiterals(data, position, buckets, final)
                : CheckCandidate(data, position, buckets, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                return hit;
            }
        }
        while (mask != 0);

        return default;
    }

    // VisitBlock for one secret without introducers, with the frontiers in locals: a near-miss that fails on an
    // ordinary byte is settled here, raw (the KMP shift says where the next start can be) or as a run of lowercase
    // \u00XX escapes with no raw byte before it that begins the secret (the frontiers move as MatchUnambiguous
    // would move them); anything else goes to the general candidate path.
    private ScanHit VisitBlockSingle(ReadOnlySpan<byte> data, int blockStart, ulong mask, ulong literal, bool final, ref Frontier clean)
    {
        const int unit = 6;
        var secret = _secrets[0];
        var shifts = _shift[0];
        var secret0 = secret[0];
        var jsonSkips = (SecretForms.JsonEscape & ~_skipForms) == 0;
        var (perCharacter, literalFrontier) = (clean.PerCharacter, clean.Literal);
        mask &= Live(blockStart, perCharacter, literalFrontier, literal);
        while (mask != 0)
        {
            var bit = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var position = blockStart + bit;

            // Classified by the first byte: a candidate with no literal bit that starts with the secret's first byte
            // is in the raw bucket alone, one that starts with a backslash in the backslash bucket alone (the
            // introducer buckets hold exactly their introducers, and the secret's first byte is not one).
            var first = data[position];
            if (position >= perCharacter && ((literal >> bit) & 1) == 0)
            {
                if (first == secret0)
                {
                    var run = PrefixLength(data, position, secret, _singleRawHead);
                    var end = position + run;
                    if (run < secret.Length && end < data.Length && !EscapeDecoder.IsIntroducer(data[end]))
                    {
                        perCharacter = Math.Max(perCharacter, position + Math.Max(shifts[run], 1));
                        mask &= Live(blockStart, perCharacter, literalFrontier, literal);
                        continue;
                    }
                }
                else if (first == (byte)'\\' && (position == 0 || position - 1 < perCharacter || data[position - 1] != secret0))
                {
                    var run = PrefixLength(data, position, _singleJsonLower, _singleJsonHead);
                    var k = run / unit;
                    var end = position + (k * unit);
                    if (k > 0 && run == k * unit && k < secret.Length && end < data.Length
                        && data[end] != secret[k] && !EscapeDecoder.IsIntroducer(data[end]))
                    {
                        if (jsonSkips)
                        {
                            var shift = shifts[k];
                            perCharacter = Math.Max(perCharacter, shift == k ? end : position + (shift * unit));
                            if ((k >= 2 ? unit : 0) <= _minLiteralLength)
                            {
                                literalFrontier = Math.Max(literalFrontier, end - unit);
                            }
                        }

                        mask &= Live(blockStart, perCharacter, literalFrontier, literal);
                        continue;
                    }

                    // An escape of another byte, with no raw first byte before it, begins nothing here: a run entered
                    // in its middle, as in the last bytes of a write, which the block filters cannot read past.
                    if (k == 0 && EscapeDecoder.TryDecodeJsonAscii(data[position..], out var decoded) && decoded != secret0)
                    {
                        continue;
                    }
                }
            }

            clean = new Frontier(perCharacter, literalFrontier);
            var buckets = ScalarBuckets(data, position);
            var hit = position < perCharacter
                ? CheckLiterals(data, position, buckets, final)
                : CheckCandidate(data, position, buckets, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                return hit;
            }

            (perCharacter, literalFrontier) = (clean.PerCharacter, clean.Literal);
            mask &= Live(blockStart, perCharacter, literalFrontier, literal);
        }

        clean = new Frontier(perCharacter, literalFrontier);
        return default;
    }

    // The candidate bits of a block that the frontiers leave to visit: every start at or after the per-character
    // frontier, and literal candidates at or after the literal frontier.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Live(int blockStart, int perCharacter, int literalFrontier, ulong literal) =>
        From(perCharacter - blockStart) | (literal & From(literalFrontier - blockStart));

    // The bits at or above offset (all for offset <= 0, none for offset >= 64).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong From(int offset)
    {
        // Without branches: the frontiers fall before, inside or after a block in no pattern a predictor learns.
        var clamped = Math.Clamp(offset, 0, 64);
        return (ulong.MaxValue << clamped) & (ulong)((long)(clamped - 64) >> 63);
    }

    // data[position..].CommonPrefixLength(pattern), with one 64-byte compare against the pattern's head when it decides.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixLength(ReadOnlySpan<byte> data, int position, byte[] pattern, Vector512<byte> head)
    {
        if (Vector512.IsHardwareAccelerated && data.Length - position >= Vector512<byte>.Count)
        {
            var differ = ~Vector512.Equals(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(data), (nuint)position), head).ExtractMostSignificantBits();
            if (differ != 0 || pattern.Length <= Vector512<byte>.Count)
            {
                return Math.Min(BitOperations.TrailingZeroCount(differ), pattern.Length);
            }
        }

        return data[position..].CommonPrefixLength(pattern);
    }

    private static Vector512<byte> Head(byte[] pattern)
    {
        var head = new byte[Vector512<byte>.Count];
        pattern.AsSpan(0, Math.Min(pattern.Length, head.Length)).CopyTo(head);
        return Vector512.Create(head);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Buckets256(ref byte origin, int i, Vector256<byte> lo0, Vector256<byte> hi0, Vector256<byte> lo1, Vector256<byte> hi1)
    {
        var first = Vector256.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector256.LoadUnsafe(ref origin, (nuint)i + 1);
        var nibble = Vector256.Create((byte)0x0F);
        return Avx2.Shuffle(lo0, first & nibble) & Avx2.Shuffle(hi0, Vector256.ShiftRightLogical(first.AsUInt16(), 4).AsByte() & nibble)
            & Avx2.Shuffle(lo1, second & nibble) & Avx2.Shuffle(hi1, Vector256.ShiftRightLogical(second.AsUInt16(), 4).AsByte() & nibble);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Buckets512(ref byte origin, int i, Vector512<byte> lo0, Vector512<byte> hi0, Vector512<byte> lo1, Vector512<byte> hi1)
    {
        var first = Vector512.LoadUnsafe(ref origin, (nuint)i);
        var second = Vector512.LoadUnsafe(ref origin, (nuint)i + 1);
        var nibble = Vector512.Create((byte)0x0F);
        return Avx512BW.Shuffle(lo0, first & nibble) & Avx512BW.Shuffle(hi0, Vector512.ShiftRightLogical(first.AsUInt16(), 4).AsByte() & nibble)
            & Avx512BW.Shuffle(lo1, second & nibble) & Avx512BW.Shuffle(hi1, Vector512.ShiftRightLogical(second.AsUInt16(), 4).AsByte() & nibble);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    private ScanHit CheckCandidate(ReadOnlySpan<byte> data, int position, int buckets, bool final, ref Frontier clean)
    {
        var best = default(ScanHit);
        var skipTo = clean; // applied once every start at this candidate is tried
        if (position >= clean.PerCharacter)
        {
            if ((buckets & IntroducerBuckets) != 0 && EscapeDecoder.IsIntroducer(data[position])
                && EscapeDecoder.Decode(data[position..], final) is { Status: not DecodeStatus.Invalid } unit)
            {
                // An escape is the first unit of an occurrence, or follows its first raw byte (two raw bytes are a
                // pair candidate of their own).
                var more = unit.Status == DecodeStatus.NeedMore;
                var rawBefore = position - 1 >= clean.PerCharacter ? data[position - 1] : -1;
                for (var s = 0; s < _secrets.Length; s++)
                {
                    var secret = _secrets[s];
                    if (rawBefore == secret[0] && (more || unit.IsPrefixOf(secret.AsSpan(1))))
                    {
                        best = Better(best, MatchSecret(data, position - 1, s, final, ref skipTo), s);
                    }

                    if (more || unit.IsPrefixOf(secret))
                    {
                        best = Better(best, MatchSecret(data, position, s, final, ref skipTo), s);
                    }
                }
            }

            var first = data[position];
            foreach (var pattern in _perCharacter)
            {
                // The prefilter matched nibbles; a raw start needs the secret's first byte itself.
                if ((buckets & pattern.Bucket) != 0 && (first == _secrets[pattern.Secret][0] || EscapeDecoder.IsIntroducer(first)))
                {
                    best = Better(best, MatchSecret(data, position, pattern.Secret, final, ref skipTo), pattern.Secret);
                }
            }
        }

        clean = skipTo;
        if ((buckets & _literalBuckets) == 0)
        {
            return best;
        }

        var literal = CheckLiterals(data, position, buckets, final);
        return Better(best, literal, literal.Secret);
    }

    // The literal patterns (base64, hex) of the candidate's buckets.
    private ScanHit CheckLiterals(ReadOnlySpan<byte> data, int position, int buckets, bool final)
    {
        var best = default(ScanHit);
        var literalBuckets = (buckets & _literalBuckets) >> FirstPatternBucket;
        while (literalBuckets != 0)
        {
            var bucket = FirstPatternBucket + BitOperations.TrailingZeroCount(literalBuckets);
            literalBuckets &= literalBuckets - 1;
            foreach (var index in _bucketLiterals[bucket])
            {
                ref readonly var literal = ref _literals[index];
                best = Better(best, MatchLiteral(data, position, in literal, final), literal.Secret);
            }
        }

        return best;
    }

    /// <summary>
    /// The occurrence found by trying every start in turn with the general matcher, without skipping: a slow
    /// reference for tests. Partial occurrences count only where the prefilter admits them (the general matcher
    /// calls any unfinished escape partial, the prefilter knows which second bytes can still spell a secret).
    /// </summary>
    internal ScanHit FindNextExhaustive(ReadOnlySpan<byte> data, int from, bool final)
    {
        for (var start = from; start < data.Length; start++)
        {
            var best = default(ScanHit);
            var admitted = (ScalarBuckets(data, start) & IntroducerBuckets) != 0
                || (start + 1 < data.Length && (ScalarBuckets(data, start + 1) & IntroducerBuckets) != 0);
            for (var s = 0; s < _secrets.Length; s++)
            {
                var hit = MatchPerCharacter(data, start, _secrets[s], 0, 0, final, start);
                var pair = _perCharacter.FirstOrDefault(p => p.Secret == s).Bucket;
                if (hit.Kind == ScanHitKind.Match || admitted || (ScalarBuckets(data, start) & pair) != 0)
                {
                    best = Better(best, hit, s);
                }
            }

            foreach (var literal in _literals)
            {
                best = Better(best, MatchLiteral(data, start, literal, final), literal.Secret);
            }

            if (best.Kind != ScanHitKind.None)
            {
                return best;
            }
        }

        return default;
    }

    private ScanHit MatchSecret(ReadOnlySpan<byte> data, int start, int secret, bool final, ref Frontier skipTo) =>
        _unambiguous
            ? MatchUnambiguous(data, start, secret, final, ref skipTo)
            : MatchPerCharacter(data, start, _secrets[secret], 0, 0, final, start);

    /// <summary>
    /// The per-character match when no secret holds an introducer byte: raw runs compared vectorised, an escape only
    /// where the input has an introducer. A failure moves <paramref name="skipTo"/> past the starts it proves clean.
    /// </summary>
    /// <remarks>
    /// Say data[start..e) reads as units (raw bytes and whole escapes) that spell secret[0..k), and the unit at e
    /// does not fit. With no introducer in any secret every secret reads those bytes as the same units, so an
    /// occurrence starting inside that stretch starts either at a unit that spells secret[d..], and then secret[d..k)
    /// agrees with the start of that secret (d >= _shift[k], a KMP shift over all secrets), or at an inner byte of
    /// an escape, which no secret begins with when the escape's form is in _skipForms.
    /// </remarks>
    private ScanHit MatchUnambiguous(ReadOnlySpan<byte> data, int start, int s, bool final, ref Frontier skipTo)
    {
        var secret = _secrets[s];
        var i = start;
        var k = 0;
        SecretForms forms = 0;
        var lastIntroducer = start; // and the widest stretch between introducers, for literals
        var gap = 0;
        while (true)
        {
            if (k == secret.Length)
            {
                return ScanHit.MatchAt(start, i - start, forms == 0 ? SecretForms.Raw : forms);
            }

            if (i >= data.Length)
            {
                return final ? default : ScanHit.PartialAt(start);
            }

            var b = data[i];
            if (b == secret[k])
            {
                // A raw run, compared vectorised; it ends at the end of either or before a byte that differs.
                var run = data[i..].CommonPrefixLength(secret.AsSpan(k));
                i += run;
                k += run;
                continue;
            }

            if (EscapeDecoder.TryDecodeJsonAscii(data[i..], out var ascii))
            {
                // The common JSON escape, without the general decoder.
                if (ascii != secret[k])
                {
                    break;
                }

                gap = Math.Max(gap, i - lastIntroducer);
                lastIntroducer = i;
                i += 6;
                k++;
                forms |= SecretForms.JsonEscape;
                continue;
            }

            if (!EscapeDecoder.IsIntroducer(b))
            {
                break;
            }

            var unit = EscapeDecoder.Decode(data[i..], final);
            if (unit.Status == DecodeStatus.NeedMore)
            {
                return ScanHit.PartialAt(start);
            }

            if (unit.Status != DecodeStatus.Ok || !unit.IsPrefixOf(secret.AsSpan(k)))
            {
                break;
            }

            gap = Math.Max(gap, i - lastIntroducer);
            lastIntroducer = i;
            i += unit.Length;
            k += unit.ByteCount;
            forms |= unit.Form;
        }

        if (k > 0 && (forms & ~_skipForms) == 0)
        {
            var shift = _shift[s][k];
            skipTo.PerCharacter = Math.Max(skipTo.PerCharacter, shift == k ? i : UnitStartAt(data, start, shift));

            // A literal pattern has no introducer byte, so one that starts between two introducers ends before the
            // second: none fits where they are closer than the shortest literal.
            if (gap <= _minLiteralLength)
            {
                skipTo.Literal = Math.Max(skipTo.Literal, lastIntroducer);
            }
        }

        return default;
    }

    // Where the first unit read from data[start..] that spells secret[offset..] or later begins.
    private static int UnitStartAt(ReadOnlySpan<byte> data, int start, int offset)
    {
        var i = start;
        for (var k = 0; k < offset;)
        {
            if (EscapeDecoder.IsIntroducer(data[i]))
            {
                var unit = EscapeDecoder.Decode(data[i..], final: false);
                i += unit.Length;
                k += unit.ByteCount;
            }
            else
            {
                i++;
                k++;
            }
        }

        return i;
    }

    // For each k, the least d in 1..k such that secret[d..k) and some secret agree where both have bytes: where an
    // occurrence of any secret could begin inside a stretch that spells secret[0..k).
    private static int[] Shifts(byte[] secret, byte[][] secrets)
    {
        var shift = new int[secret.Length + 1];
        for (var k = 1; k <= secret.Length; k++)
        {
            shift[k] = k;
            for (var d = 1; d < k && shift[k] == k; d++)
            {
                var rest = secret.AsSpan(d, k - d);
                foreach (var other in secrets)
                {
                    var length = Math.Min(rest.Length, other.Length);
                    if (rest[..length].SequenceEqual(other.AsSpan(0, length)))
                    {
                        shift[k] = d;
                        break;
                    }
                }
            }
        }

        return shift;
    }

    // The earliest start wins (everything before it is then known to be clean); at one start a full match wins.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ScanHit Better(ScanHit best, ScanHit hit, int secret) => hit.Kind == ScanHitKind.None ? best : BetterHit(best, hit, secret);

    private static ScanHit BetterHit(ScanHit best, ScanHit hit, int secret)
    {

        hit = hit with { Secret = secret };
        if (best.Kind == ScanHitKind.None || hit.Start < best.Start)
        {
            return hit;
        }

        return hit.Start == best.Start && hit.Kind == ScanHitKind.Match
            && (best.Kind == ScanHitKind.Partial || hit.Length > best.Length) ? hit : best;
    }

    private static ScanHit MatchLiteral(ReadOnlySpan<byte> data, int start, in Literal pattern, bool final)
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

    private readonly record struct PerCharacterPattern(int Secret, int Bucket);

    // Starts before these positions (after the candidate that proved it) are known not to begin an occurrence.
    private record struct Frontier(int PerCharacter, int Literal);

    private readonly record struct Literal(int Secret, byte[] Bytes, bool CaseInsensitive, SecretForms Form);

    private readonly EscapeRunFilter? _escapeFilter256;

    // The AVX-512 block loop on AVX2: a 64-byte block is two 256-bit halves, so the block filters and VisitBlock
    // serve both. Leaves i where fewer than 65 bytes remain, for the 32-byte loop.
    private ScanHit FindInBlocks256(ReadOnlySpan<byte> data, ref int next, bool final, ref Frontier clean)
    {
        const int block = 2 * 32;
        ref var origin = ref MemoryMarshal.GetReference(data);
        var i = next;
        var hit = default(ScanHit);
        var carry = BlockCarry256.None;
        while (true)
        {
            var mask = 0UL;
            var (low, high) = (Vector256<byte>.Zero, Vector256<byte>.Zero);
            var (lo0, hi0, lo1, hi1) = (_lo0, _hi0, _lo1, _hi1);
            for (; i + block < data.Length; i += block)
            {
                low = Buckets256(ref origin, i, lo0, hi0, lo1, hi1);
                high = Buckets256(ref origin, i + 32, lo0, hi0, lo1, hi1);
                if ((low | high) != Vector256<byte>.Zero)
                {
                    mask = i + FilterReadLength <= data.Length ? Filter256(ref origin, i, ref low, ref high, ref carry) : Candidates256(low, high);
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

            var literal = Candidates256(low & _literalBuckets256, high & _literalBuckets256);
            hit = VisitBlock(data, i, mask, literal, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                break;
            }

            i = Math.Max(i + block, Math.Min(Math.Min(clean.PerCharacter, clean.Literal), data.Length));
        }

        next = i;
        return hit;
    }

    // Filter for a block held as two 256-bit halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Filter256(ref byte origin, int blockStart, ref Vector256<byte> low, ref Vector256<byte> high, ref BlockCarry256 carry)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Candidates256(Vector256<byte> low, Vector256<byte> high) =>
        ~BitWindows.Bits(Vector256.Equals(low, Vector256<byte>.Zero), Vector256.Equals(high, Vector256<byte>.Zero));
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
