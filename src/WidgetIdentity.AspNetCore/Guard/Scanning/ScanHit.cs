using System.Runtime.CompilerServices;

namespace WidgetIdentity.Guard.Scanning;

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

    /// <summary>
    /// The earlier of <paramref name="best"/> and <paramref name="hit"/> (of <paramref name="secret"/>): the earliest
    /// start wins (everything before it is then known to be clean); at one start a full match wins, the longer one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScanHit Better(ScanHit best, ScanHit hit, int secret) => hit.Kind == ScanHitKind.None ? best : BetterHit(best, hit, secret);

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
}
