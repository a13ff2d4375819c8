namespace WidgetIdentity.Guard.Scanning;

/// <summary>Matches a literal pattern (base64, hex) at one start.</summary>
internal static class LiteralMatcher
{
    public static ScanHit Match(ReadOnlySpan<byte> data, int start, in LiteralPattern pattern, bool final)
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
}
