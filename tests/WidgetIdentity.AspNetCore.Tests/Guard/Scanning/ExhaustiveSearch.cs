using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

/// <summary>
/// The reference for <see cref="SecretPatternSet.FindNext"/>: every start tried in turn with the general matcher,
/// without prefilter, filters or skipping. Slow; for tests only.
/// </summary>
internal static class ExhaustiveSearch
{
    /// <summary>
    /// The occurrence <see cref="SecretPatternSet.FindNext"/> must find. Partial occurrences count only where the
    /// prefilter admits them (the general matcher calls any unfinished escape partial, the prefilter knows which
    /// second bytes can still spell a secret).
    /// </summary>
    public static ScanHit FindNext(SecretPatternSet set, ReadOnlySpan<byte> data, int from, bool final)
    {
        var patterns = set.Compiled;
        for (var start = from; start < data.Length; start++)
        {
            var best = default(ScanHit);
            var admitted = (patterns.Buckets.Scalar(data, start) & BucketTables.Introducers) != 0
                || (start + 1 < data.Length && (patterns.Buckets.Scalar(data, start + 1) & BucketTables.Introducers) != 0);
            for (var s = 0; s < patterns.Secrets.Length; s++)
            {
                var hit = PerCharacterMatcher.Match(data, start, patterns.Secrets[s], 0, 0, final, start);
                var pair = patterns.PerCharacter.FirstOrDefault(p => p.Secret == s).Bucket;
                if (hit.Kind == ScanHitKind.Match || admitted || (patterns.Buckets.Scalar(data, start) & pair) != 0)
                {
                    best = ScanHit.Better(best, hit, s);
                }
            }

            foreach (var literal in patterns.Literals)
            {
                best = ScanHit.Better(best, LiteralMatcher.Match(data, start, literal, final), literal.Secret);
            }

            if (best.Kind != ScanHitKind.None)
            {
                return best;
            }
        }

        return default;
    }
}
