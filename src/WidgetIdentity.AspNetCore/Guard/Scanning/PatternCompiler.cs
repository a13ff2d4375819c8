using System.Runtime.Intrinsics;
using System.Text;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Builds the <see cref="CompiledPatterns"/> of a set of utf8: each secret's per-character pattern and its literal
/// encodings, placed in the prefilter's buckets, with the block filters and the skip tables that fit them.
/// </summary>
internal static class PatternCompiler
{
    public static CompiledPatterns Compile(IEnumerable<string> secrets)
    {
        var utf8 = secrets.Select(Encoding.UTF8.GetBytes).Where(static s => s.Length >= 2).ToArray();
        if (utf8.Length == 0)
        {
            throw new ArgumentException("At least one secret of two or more bytes is needed.", nameof(secrets));
        }

        var patterns = new List<Pattern>();
        for (var i = 0; i < utf8.Length; i++)
        {
            patterns.Add(new Pattern(i, utf8[i], PerCharacter: true, CaseInsensitive: false, SecretForms.Raw));
            AddBase64Patterns(patterns, i, utf8[i]);
            patterns.Add(new Pattern(i, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(utf8[i])), PerCharacter: false, CaseInsensitive: true, SecretForms.Hex));
        }

        var distinct = patterns.DistinctBy(static p => (Encoding.ASCII.GetString(p.Bytes), p.PerCharacter)).ToArray();
        var maxMatchLength = Math.Max(utf8.Max(static s => s.Length) * EscapeForms.MaxLength, distinct.Max(static p => p.Bytes.Length));

        var early = new bool[256]; // bytes an escape at a candidate must decode to (s0, s1)
        var held = new bool[256];  // bytes some secret holds
        foreach (var secret in utf8)
        {
            early[secret[0]] = early[secret[1]] = true;
            foreach (var b in secret)
            {
                held[b] = true;
            }
        }

        // An introducer is a candidate only when the byte after it can begin an escape of an early byte.
        var tables = new byte[BucketTables.TablesLength];
        foreach (var form in EscapeForms.All)
        {
            var bucket = form.Introducer == EscapeForms.JsonIntroducer ? BucketTables.Backslash : BucketTables.AmpPercent;
            BucketTables.Add(tables, bucket, [form.Introducer], form.SecondBytes(early));
        }

        var perCharacter = new List<PerCharacterPattern>();
        var literals = new List<LiteralPattern>();
        var literalBuckets = 0;
        var bucketLiterals = new List<int>[BucketTables.Count];
        for (var b = 0; b < BucketTables.Count; b++)
        {
            bucketLiterals[b] = [];
        }

        // Per-character patterns first, in buckets of their own when there are few utf8, so that a raw candidate
        // does not also try literals; literals share the remaining buckets.
        distinct = [.. distinct.Where(static p => p.PerCharacter), .. distinct.Where(static p => !p.PerCharacter)];
        var thirdBytes = new HashSet<byte>?[BucketTables.Count]; // what the byte after a candidate's two may be; null: anything
        for (var b = BucketTables.FirstPattern; b < BucketTables.Count; b++)
        {
            thirdBytes[b] = [];
        }

        const int patternBuckets = BucketTables.Count - BucketTables.FirstPattern;
        var perCharacterCount = distinct.Count(static p => p.PerCharacter);
        var perCharacterBuckets = Math.Min(perCharacterCount, patternBuckets / 2);
        for (var p = 0; p < distinct.Length; p++)
        {
            var bucket = p < perCharacterCount
                ? BucketTables.FirstPattern + (p % perCharacterBuckets)
                : BucketTables.FirstPattern + perCharacterBuckets + ((p - perCharacterCount) % (patternBuckets - perCharacterBuckets));
            var pattern = distinct[p];
            BucketTables.Add(tables, bucket, Variants(pattern.Bytes[0], pattern.CaseInsensitive), Variants(pattern.Bytes[1], pattern.CaseInsensitive));
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
                        allowed.UnionWith(EscapeForms.Introducers.ToArray());
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
                literals.Add(new LiteralPattern(pattern.Secret, pattern.Bytes, pattern.CaseInsensitive, pattern.Form));
                literalBuckets |= 1 << bucket;
            }
        }

        var unambiguous = !utf8.Any(static s => s.AsSpan().IndexOfAny(EscapeForms.Introducers) >= 0);
        SecretForms skipForms = 0;
        foreach (var form in EscapeForms.All)
        {
            var inner = new bool[256];
            form.MarkInnerBytes(inner, held);
            if (!utf8.Any(s => inner[s[0]]))
            {
                skipForms |= form.Form;
            }
        }

        var rawFilters = perCharacterCount > perCharacterBuckets ? [] : perCharacter
            .Where(p => utf8[p.Secret].Length is >= 3 and <= RawStartFilter.MaxSecretLength && !EscapeForms.IsIntroducer(utf8[p.Secret][0]))
            .Select(p => new RawStartFilter(p.Bucket, utf8[p.Secret]))
            .ToArray();
        var escapeFilter = unambiguous
            ? new EscapeRunFilter(1 << BucketTables.Backslash, held, utf8.Min(static s => s.Length))
            : null;

        var single = unambiguous && utf8.Length == 1;
        var singleJsonLower = single ? JsonAsciiLower(utf8[0]) : [];
        return new CompiledPatterns
        {
            Secrets = utf8,
            PerCharacter = [.. perCharacter],
            Literals = [.. literals],
            BucketLiterals = bucketLiterals.Select(static b => b.ToArray()).ToArray(),
            Buckets = new BucketTables(tables, literalBuckets),
            Filters = new BlockFilters(new ThirdByteFilter(thirdBytes), rawFilters, escapeFilter),
            MaxMatchLength = maxMatchLength,
            Unambiguous = unambiguous,
            SkipForms = skipForms,
            Shifts = utf8.Select(s => UnambiguousMatcher.Shifts(s, utf8)).ToArray(),
            MinLiteralLength = literals.Count == 0 ? int.MaxValue : literals.Min(static l => l.Bytes.Length),
            SingleRawBucket = single ? perCharacter[0].Bucket : -1,
            SingleJsonLower = singleJsonLower,
            SingleRawHead = single ? Head(utf8[0]) : default,
            SingleJsonHead = single ? Head(singleJsonLower) : default,
        };
    }

    // The secret's ASCII prefix as lowercase \u00XX escapes, one after another.
    private static byte[] JsonAsciiLower(byte[] secret)
    {
        var ascii = secret.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        var prefix = secret.AsSpan(0, ascii < 0 ? secret.Length : ascii).ToArray();
        return [.. prefix.SelectMany(static b => EscapeForms.JsonUnicode.Write(EscapeForms.JsonIntroducer, b, EscapeForms.JsonUnicode.MinDigits, upper: false))];
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

    private static Vector512<byte> Head(byte[] pattern)
    {
        var head = new byte[Vector512<byte>.Count];
        pattern.AsSpan(0, Math.Min(pattern.Length, head.Length)).CopyTo(head);
        return Vector512.Create(head);
    }

    private sealed record Pattern(int Secret, byte[] Bytes, bool PerCharacter, bool CaseInsensitive, SecretForms Form);
}
