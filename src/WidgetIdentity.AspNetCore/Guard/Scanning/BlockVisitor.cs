using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Visits the candidates of one block that the prefilter loops found, in order, and passes over those the frontiers
/// prove clean; for one secret without introducers it settles near-misses itself.
/// </summary>
internal sealed class BlockVisitor
{
    private readonly CompiledPatterns _patterns;
    private readonly CandidateChecker _candidates;

    public BlockVisitor(CompiledPatterns patterns)
    {
        _patterns = patterns;
        _candidates = new CandidateChecker(patterns);
    }

    public CompiledPatterns Patterns => _patterns;

    public CandidateChecker Candidates => _candidates;

    /// <summary>
    /// The candidates of one block, in order; a candidate that can only begin a per-character occurrence is passed
    /// over when an earlier failed attempt has proved that none starts there.
    /// </summary>
    /// <remarks>Never inlined (profile-guided optimization would): in a prefilter loop it costs the loop its table registers.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ScanHit Visit(ReadOnlySpan<byte> data, int blockStart, ulong mask, ulong literal, bool final, ref Frontier clean)
    {
        if (_patterns.SingleRawBucket >= 0)
        {
            return VisitSingle(data, blockStart, mask, literal, final, ref clean);
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

            var buckets = _patterns.Buckets.Scalar(data, position);
            var hit = position < clean.PerCharacter
                ? _candidates.CheckLiterals(data, position, buckets, final)
                : _candidates.Check(data, position, buckets, final, ref clean);
            if (hit.Kind != ScanHitKind.None)
            {
                return hit;
            }
        }
        while (mask != 0);

        return default;
    }

    // Visit for one secret without introducers, with the frontiers in locals: a near-miss that fails on an ordinary
    // byte is settled here, raw (the KMP shift says where the next start can be) or as a run of lowercase \u00XX
    // escapes with no raw byte before it that begins the secret (the frontiers move as UnambiguousMatcher would move
    // them); anything else goes to the general candidate path.
    private ScanHit VisitSingle(ReadOnlySpan<byte> data, int blockStart, ulong mask, ulong literal, bool final, ref Frontier clean)
    {
        const int unit = EscapeDecoder.JsonAsciiLength;
        var patterns = _patterns;
        var secret = patterns.Secrets[0];
        var shifts = patterns.Shifts[0];
        var secret0 = secret[0];
        var jsonSkips = (SecretForms.JsonEscape & ~patterns.SkipForms) == 0;
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
                    var run = PrefixLength(data, position, secret, patterns.SingleRawHead);
                    var end = position + run;
                    if (run < secret.Length && end < data.Length && !EscapeForms.IsIntroducer(data[end]))
                    {
                        perCharacter = Math.Max(perCharacter, position + Math.Max(shifts[run], 1));
                        mask &= Live(blockStart, perCharacter, literalFrontier, literal);
                        continue;
                    }
                }
                else if (first == EscapeForms.JsonIntroducer && (position == 0 || position - 1 < perCharacter || data[position - 1] != secret0))
                {
                    var run = PrefixLength(data, position, patterns.SingleJsonLower, patterns.SingleJsonHead);
                    var k = run / unit;
                    var end = position + (k * unit);
                    if (k > 0 && run == k * unit && k < secret.Length && end < data.Length
                        && data[end] != secret[k] && !EscapeForms.IsIntroducer(data[end]))
                    {
                        if (jsonSkips)
                        {
                            var shift = shifts[k];
                            perCharacter = Math.Max(perCharacter, shift == k ? end : position + (shift * unit));
                            if ((k >= 2 ? unit : 0) <= patterns.MinLiteralLength)
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
            var buckets = patterns.Buckets.Scalar(data, position);
            var hit = position < perCharacter
                ? _candidates.CheckLiterals(data, position, buckets, final)
                : _candidates.Check(data, position, buckets, final, ref clean);
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
}
