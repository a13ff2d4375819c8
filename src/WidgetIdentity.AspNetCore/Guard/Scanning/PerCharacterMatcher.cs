namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// The general per-character match: each unit of the secret raw or escaped, trying both readings where the secret
/// itself holds an introducer byte. Used when some secret holds one (no skipping is then sound) and by the tests' oracle.
/// </summary>
internal static class PerCharacterMatcher
{
    /// <summary>
    /// Matches secret[k..] at data[i..], each unit raw or escaped. Introducer bytes that the secret also holds raw
    /// are tried both ways, so "&amp;amp;" in a secret is found raw and '&amp;' is found as "&amp;amp;".
    /// </summary>
    public static ScanHit Match(ReadOnlySpan<byte> data, int i, ReadOnlySpan<byte> secret, int k, SecretForms forms, bool final, int start)
    {
        while (k < secret.Length)
        {
            // Raw bytes up to the secret's next introducer byte, which must be tried both raw and as an escape.
            var rest = secret[k..];
            var plain = rest.IndexOfAny(EscapeForms.Introducers);
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
            if (EscapeForms.IsIntroducer(b))
            {
                var decoded = EscapeDecoder.Decode(data[i..], final);
                var escaped = decoded.Status switch
                {
                    DecodeStatus.NeedMore => ScanHit.PartialAt(start),
                    DecodeStatus.Ok when decoded.IsPrefixOf(secret[k..]) =>
                        Match(data, i + decoded.Length, secret, k + decoded.ByteCount, forms | decoded.Form, final, start),
                    _ => default,
                };
                if (escaped.Kind == ScanHitKind.Match || b != secret[k])
                {
                    return escaped;
                }

                var raw = Match(data, i + 1, secret, k + 1, forms, final, start);
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
}
