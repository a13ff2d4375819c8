using System.Text;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// Generated hostile names from a fixed seed: the same strings on every run. Each is made of pieces that break
/// naive script embedding (quotes, backslashes, <c>&lt;/script&gt;</c>, <c>&lt;!--</c>, <c>&lt;script</c>,
/// U+2028/U+2029, NUL and other controls, lone surrogates, RTL marks, emoji, entities) and of injection payloads
/// that would set <c>window.__pwned</c> if they ever ran, mixed with random UTF-16 code units; some are very long.
/// </summary>
public static class HostileStrings
{
    public const int Seed = 4_2028;
    public const int BatchSize = 200;
    public const int BatchCount = 11;
    public const int Count = BatchSize * BatchCount;

    /// <summary>Payloads that only an injection could run: each sets the sentinel <c>window.__pwned</c>.</summary>
    public static readonly string[] Payloads =
    [
        "</script><script>window.__pwned=1</script>",
        "</SCRIPT ><script >window.__pwned=1</script >",
        "</script\t><img src=x onerror=window.__pwned=1>",
        "<!--<script>window.__pwned=1//",
        "\"-(window.__pwned=1)-\"",
        "\";window.__pwned=1;//",
        "';window.__pwned=1;//",
        "\\\";window.__pwned=1;//",
        "\"});window.__pwned=1;({\"",
        "`;window.__pwned=1;`${window.__pwned=1}",
        "\u2028window.__pwned=1\u2029",
        "\n window.__pwned=1 //",
        "<svg onload=window.__pwned=1>",
        "<\\/script><script>window.__pwned=1<\\/script>",
        "]]></script><script>window.__pwned=1</script><![CDATA[",
        "*/window.__pwned=1/*",
        "&lt;/script&gt;&#60;script&#62;window.__pwned=1",
    ];

    /// <summary>Pieces that break naive embedding without running anything themselves.</summary>
    public static readonly string[] Pieces =
    [
        "\"", "'", "`", "\\", "\\\\", "\\\"", "\\u2028", "\\x3c", "</script>", "</SCRIPT>", "</script ", "<script",
        "<!--", "-->", "<!-- <script>", "</", "<", ">", "&", "&amp;", "&lt;", "&#0;", "<![CDATA[", "]]>", "${", "}",
        "/*", "//", "\u2028", "\u2029", "\0", "\u0001", "\u001f", "\u007f", "\u0085", "\r\n", "\r", "\n", "\t",
        "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u2069", "\u061C", "\uFEFF", "\u00A0", "\u3000",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D", "\uDE00", "\uFFFD", "\uFFFE", "\uFFFF", "\uFDD0",
        "🎉", "👩‍💻", "🏳️‍🌈", "👍🏽", "𝔘𝔫𝔦", "\uDBFF\uDFFF", "日本語", "العربية", "עברית", "Zoë", "e\u0301",
        "O'Brien", "null", "undefined", "__proto__", "constructor",
    ];

    /// <summary>All the strings, in order: every payload and piece alone first, then random mixes.</summary>
    public static IReadOnlyList<string> All { get; } = Generate();

    public static IEnumerable<string> Batch(int batch) => All.Skip(batch * BatchSize).Take(BatchSize);

    /// <summary>The batch numbers, for a theory that runs once per batch.</summary>
    public static TheoryData<int> Batches() => [.. Enumerable.Range(0, BatchCount)];

    /// <summary>
    /// The user id rendered with the string: also hostile (its first 64 code units, which may split a surrogate
    /// pair), prefixed so it is never blank (the tag treats a blank id as none).
    /// </summary>
    public static string UserId(int index) => $"u{index}:{All[index][..Math.Min(64, All[index].Length)]}";

    private static List<string> Generate()
    {
        var random = new Random(Seed);
        var strings = new List<string>(Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var single in Payloads.Concat(Pieces))
        {
            Add(single);
        }

        while (strings.Count < Count)
        {
            var veryLong = strings.Count % 97 == 0;
            var target = veryLong ? random.Next(5_000, 30_000) : random.Next(1, 120);
            var text = new StringBuilder(target + 64);
            while (text.Length < target)
            {
                text.Append(random.Next(10) switch
                {
                    0 or 1 => Payloads[random.Next(Payloads.Length)],
                    2 or 3 or 4 => Pieces[random.Next(Pieces.Length)],
                    5 => ((char)random.Next(0x10000)).ToString(), // any UTF-16 code unit, lone surrogates included
                    6 => ((char)random.Next(0x20, 0x7F)).ToString(),
                    _ => "Ab ç",
                });
            }

            Add(text.ToString());
        }

        return strings;

        // Distinct strings only; the tag treats a blank value as "not given", so every string is really given.
        void Add(string value)
        {
            value = string.IsNullOrWhiteSpace(value) ? "x" + value : value;
            if (seen.Add(value))
            {
                strings.Add(value);
            }
        }
    }
}
