using System.Numerics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>Checks one candidate exactly: tries the matchers of the patterns whose buckets it is in.</summary>
internal sealed class CandidateChecker
{
    private readonly CompiledPatterns _patterns;

    public CandidateChecker(CompiledPatterns patterns) => _patterns = patterns;

    /// <summary>
    /// The best hit that starts at <paramref name="position"/> (or, after a raw first byte, one before it); the
    /// frontiers move past the starts the attempts prove clean.
    /// </summary>
    public ScanHit Check(ReadOnlySpan<byte> data, int position, int buckets, bool final, ref Frontier clean)
    {
        var patterns = _patterns;
        var secrets = patterns.Secrets;
        var best = default(ScanHit);
        var skipTo = clean; // applied once every start at this candidate is tried
        if (position >= clean.PerCharacter)
        {
            if ((buckets & BucketTables.Introducers) != 0 && EscapeForms.IsIntroducer(data[position])
                && EscapeDecoder.Decode(data[position..], final) is { Status: not DecodeStatus.Invalid } unit)
            {
                // An escape is the first unit of an occurrence, or follows its first raw byte (two raw bytes are a
                // pair candidate of their own).
                var more = unit.Status == DecodeStatus.NeedMore;
                var rawBefore = position - 1 >= clean.PerCharacter ? data[position - 1] : -1;
                for (var s = 0; s < secrets.Length; s++)
                {
                    var secret = secrets[s];
                    if (rawBefore == secret[0] && (more || unit.IsPrefixOf(secret.AsSpan(1))))
                    {
                        best = ScanHit.Better(best, MatchSecret(data, position - 1, s, final, ref skipTo), s);
                    }

                    if (more || unit.IsPrefixOf(secret))
                    {
                        best = ScanHit.Better(best, MatchSecret(data, position, s, final, ref skipTo), s);
                    }
                }
            }

            var first = data[position];
            foreach (var pattern in patterns.PerCharacter)
            {
                // The prefilter matched nibbles; a raw start needs the secret's first byte itself.
                if ((buckets & pattern.Bucket) != 0 && (first == secrets[pattern.Secret][0] || EscapeForms.IsIntroducer(first)))
                {
                    best = ScanHit.Better(best, MatchSecret(data, position, pattern.Secret, final, ref skipTo), pattern.Secret);
                }
            }
        }

        clean = skipTo;
        if ((buckets & patterns.Buckets.LiteralBuckets) == 0)
        {
            return best;
        }

        var literal = CheckLiterals(data, position, buckets, final);
        return ScanHit.Better(best, literal, literal.Secret);
    }

    /// <summary>The literal patterns (base64, hex) of the candidate's buckets.</summary>
    public ScanHit CheckLiterals(ReadOnlySpan<byte> data, int position, int buckets, bool final)
    {
        var patterns = _patterns;
        var best = default(ScanHit);
        var literalBuckets = (buckets & patterns.Buckets.LiteralBuckets) >> BucketTables.FirstPattern;
        while (literalBuckets != 0)
        {
            var bucket = BucketTables.FirstPattern + BitOperations.TrailingZeroCount(literalBuckets);
            literalBuckets &= literalBuckets - 1;
            foreach (var index in patterns.BucketLiterals[bucket])
            {
                ref readonly var literal = ref patterns.Literals[index];
                best = ScanHit.Better(best, LiteralMatcher.Match(data, position, in literal, final), literal.Secret);
            }
        }

        return best;
    }

    private ScanHit MatchSecret(ReadOnlySpan<byte> data, int start, int secret, bool final, ref Frontier skipTo) =>
        _patterns.Unambiguous
            ? UnambiguousMatcher.Match(_patterns, data, start, secret, final, ref skipTo)
            : PerCharacterMatcher.Match(data, start, _patterns.Secrets[secret], 0, 0, final, start);
}
