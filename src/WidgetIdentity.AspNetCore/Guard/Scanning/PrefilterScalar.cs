namespace WidgetIdentity.Guard.Scanning;

/// <summary>The prefilter one position at a time: the bytes the vector loops leave, or all of them without vectors.</summary>
internal static class PrefilterScalar
{
    public static ScanHit Find(BlockVisitor visitor, ReadOnlySpan<byte> data, int from, bool final, ref Frontier clean)
    {
        var tables = visitor.Patterns.Buckets;
        var candidates = visitor.Candidates;
        for (var i = from; i < data.Length; i++)
        {
            var buckets = tables.Scalar(data, i);
            if (buckets != 0 && (i >= clean.PerCharacter || ((buckets & tables.LiteralBuckets) != 0 && i >= clean.Literal)))
            {
                var hit = candidates.Check(data, i, buckets, final, ref clean);
                if (hit.Kind != ScanHitKind.None)
                {
                    return hit;
                }
            }
        }

        return default;
    }
}
