namespace WidgetIdentity.Guard;

/// <summary>
/// One entry of <c>WidgetIdentity:Guard:Protect</c>: a configuration key or section, whose segments (split on
/// <c>:</c>) are compared case-insensitively, as configuration compares keys. A <c>*</c> segment stands for one or
/// more whole segments. A pattern that names a section covers every key under it, so <c>ConnectionStrings:*</c> and
/// <c>ConnectionStrings</c> cover the same keys, and <c>*:ApiKey</c> covers <c>ApiKey</c> in any section, at any depth.
/// </summary>
internal sealed class ProtectedKeyPattern
{
    private const string Wildcard = "*";

    private readonly string[] _segments;

    private ProtectedKeyPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as configured.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses a pattern, or returns <see langword="null"/> when it is blank, has an empty segment, or mixes <c>*</c>
    /// with other characters in one segment (<c>Conn*</c>): a <c>*</c> stands for whole segments only.
    /// </summary>
    public static ProtectedKeyPattern? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var segments = text.Trim().Split(':');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || (segment != Wildcard && segment.Contains('*', StringComparison.Ordinal)))
            {
                return null;
            }
        }

        return new ProtectedKeyPattern(text.Trim(), segments);
    }

    /// <summary>Whether <paramref name="key"/> is the key the pattern names or a key under it.</summary>
    public bool Covers(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split(':');
        for (var prefix = 1; prefix <= segments.Length; prefix++)
        {
            if (Matches(segments.AsSpan(0, prefix), 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(ReadOnlySpan<string> key, int pattern)
    {
        if (pattern == _segments.Length)
        {
            return key.IsEmpty;
        }

        if (key.IsEmpty)
        {
            return false;
        }

        if (_segments[pattern] != Wildcard)
        {
            return string.Equals(_segments[pattern], key[0], StringComparison.OrdinalIgnoreCase) && Matches(key[1..], pattern + 1);
        }

        for (var taken = 1; taken <= key.Length; taken++)
        {
            if (Matches(key[taken..], pattern + 1))
            {
                return true;
            }
        }

        return false;
    }
}
