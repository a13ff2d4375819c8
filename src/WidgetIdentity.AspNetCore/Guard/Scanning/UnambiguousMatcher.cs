namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The per-character match when no secret holds an introducer byte: raw runs compared vectorised, an escape only
/// where the input has an introducer; a failure proves a stretch of starts clean (a KMP shift over all secrets).
/// </summary>
/// <remarks>
/// Say data[start..e) reads as units (raw bytes and whole escapes) that spell secret[0..k), and the unit at e
/// does not fit. With no introducer in any secret every secret reads those bytes as the same units, so an
/// occurrence starting inside that stretch starts either at a unit that spells secret[d..], and then secret[d..k)
/// agrees with the start of that secret (d >= shift[k], see <see cref="Shifts"/>), or at an inner byte of an escape,
/// which no secret begins with when the escape's form is in <see cref="CompiledPatterns.SkipForms"/>.
/// </remarks>
internal static class UnambiguousMatcher
{
    /// <summary>Matches secret <paramref name="s"/> at <paramref name="start"/>; a failure moves <paramref name="skipTo"/> past the starts it proves clean.</summary>
    public static ScanHit Match(CompiledPatterns patterns, ReadOnlySpan<byte> data, int start, int s, bool final, ref Frontier skipTo)
    {
        var secret = patterns.Secrets[s];
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
                i += EscapeDecoder.JsonAsciiLength;
                k++;
                forms |= SecretForms.JsonEscape;
                continue;
            }

            if (!EscapeForms.IsIntroducer(b))
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

        if (k > 0 && (forms & ~patterns.SkipForms) == 0)
        {
            var shift = patterns.Shifts[s][k];
            skipTo.PerCharacter = Math.Max(skipTo.PerCharacter, shift == k ? i : UnitStartAt(data, start, shift));

            // A literal pattern has no introducer byte, so one that starts between two introducers ends before the
            // second: none fits where they are closer than the shortest literal.
            if (gap <= patterns.MinLiteralLength)
            {
                skipTo.Literal = Math.Max(skipTo.Literal, lastIntroducer);
            }
        }

        return default;
    }

    /// <summary>
    /// For each k, the least d in 1..k such that secret[d..k) and some secret agree where both have bytes: where an
    /// occurrence of any secret could begin inside a stretch that spells secret[0..k).
    /// </summary>
    public static int[] Shifts(byte[] secret, byte[][] secrets)
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

    // Where the first unit read from data[start..] that spells secret[offset..] or later begins.
    private static int UnitStartAt(ReadOnlySpan<byte> data, int start, int offset)
    {
        var i = start;
        for (var k = 0; k < offset;)
        {
            if (EscapeForms.IsIntroducer(data[i]))
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
}
