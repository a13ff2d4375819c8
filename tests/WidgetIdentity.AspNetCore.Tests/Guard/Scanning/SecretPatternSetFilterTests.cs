using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

/// <summary>
/// The candidate filters that run on whole 64-byte blocks (third byte, raw starts, JSON escape runs) drop only
/// starts that cannot begin an occurrence: over long texts of near-misses and occurrences in every form, cut by
/// every kind of byte, the search finds exactly what trying every start finds.
/// </summary>
public class SecretPatternSetFilterTests
{
    private static readonly string[] Separators = [" ", "<", "\"", "\n", "", "", "x", "-", "\\", "&", "%", "\u00e9", ";", "0"];

    public static TheoryData<string[]> SecretSets => new()
    {
        { [TestSecrets.Plain] },
        { ["abab-abab-abac-abab"] },                                               // near-misses overlap themselves
        { ["\u00e9t\u00e9-\u20ac-42-d\u00e9j\u00e0-vu"] },                        // escapes of 2 and 3 UTF-8 bytes
        { ["0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"] }, // 64 bytes: near the raw filter's limit of 66
        { ["TEST-ONLY-" + new string('k', 60)] },                                 // too long for the raw filter
        { [TestSecrets.Plain, "TEST-ONLY-pk_test_Zx81"] },                        // shared prefix, two raw buckets
        { ["TEST-ONLY&sk_live_9f3Kq7ZpX2wLm4Rb"] },                               // holds an introducer: no escape filter
        { ["ab"] },                                                                // too short for the raw filter
        { ["ZONE-9_TEST-ONLY-kZq7"] },                                             // first byte 0x5A: \u005a and \u005A
    };

    [Theory]
    [MemberData(nameof(SecretSets))]
    public void Finds_what_trying_every_start_finds_across_many_blocks(string[] secrets)
    {
        var patterns = new SecretPatternSet(secrets);
        var random = new Random(string.Join("|", secrets).Length * 7919);
        for (var i = 0; i < 150; i++)
        {
            var data = Encoding.UTF8.GetBytes(Generate(random, secrets));
            ReferenceSearch.AssertSameHits(patterns, data, random.Next(0, 64), final: random.Next(2) == 0, $"case {i}");
        }
    }

    public static TheoryData<string> Occurrences => new()
    {
        TestSecrets.Plain[..^1] + "&#98;",                  // the last character escaped: the last byte differs
        TestSecrets.Plain[..^1] + "\\u0062",
        "TE%53" + TestSecrets.Plain[3..],                    // the third unit escaped
        "T\\u0045" + TestSecrets.Plain[2..],               // a raw first byte, then an escape
        Json(TestSecrets.Plain[..4]) + TestSecrets.Plain[4..],
        Json(TestSecrets.Plain),                             // escapes all the way to the stop byte
        Convert.ToHexString(Encoding.UTF8.GetBytes(TestSecrets.Plain)),
    };

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void An_occurrence_right_before_a_stop_byte_is_found_at_every_offset_in_a_block(string occurrence)
    {
        // Near-misses all around (the filters run on every block), the occurrence at each of 64 offsets.
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var nearMisses = string.Concat(Enumerable.Repeat(TestSecrets.Plain[..^1] + " \\u0054\\u0045\\u0053 ", 8));
        for (var offset = 0; offset < 64; offset++)
        {
            var text = nearMisses + new string('.', offset) + occurrence + " " + nearMisses;
            var data = Encoding.UTF8.GetBytes(text);

            var hit = patterns.FindNext(data, 0, final: true);

            Assert.Equal(ScanHitKind.Match, hit.Kind);
            Assert.Equal(nearMisses.Length + offset, hit.Start);
            Assert.Equal(occurrence.Length, hit.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void An_occurrence_after_clean_text_is_found_at_every_offset_of_a_stretch_of_blocks(string occurrence)
    {
        // Clean text costs a test per four blocks: the occurrence in each block of the four, at each offset there.
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        const string clean = "<p class=\"note\">Plain words, no escapes at all.</p>\n";
        var lead = string.Concat(Enumerable.Repeat(clean, 12)); // over 512 bytes
        for (var offset = 0; offset < 5 * 64; offset++)
        {
            var text = lead[..offset] + occurrence + " " + lead;
            var data = Encoding.UTF8.GetBytes(text);

            var hit = patterns.FindNext(data, 0, final: true);

            Assert.Equal(ScanHitKind.Match, hit.Kind);
            Assert.Equal(offset, hit.Start);
            Assert.Equal(occurrence.Length, hit.Length);
        }
    }

    [Fact]
    public void Clean_text_of_any_length_is_scanned_to_its_end_and_not_a_byte_past_it()
    {
        // The text is the front of a larger buffer (as a pooled buffer or a slice is) that holds the secret right after
        // it: a loop that read past the end would find it there, or visit a candidate outside the text.
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var clean = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p class=\"note\">Plain words, no escapes at all.</p>\n", 40)));
        var secret = Encoding.UTF8.GetBytes(TestSecrets.Plain);
        for (var length = 1; length <= 1100; length++)
        {
            var buffer = new byte[length + (4 * secret.Length)];
            clean.AsSpan(0, length).CopyTo(buffer);
            for (var at = length; at + secret.Length <= buffer.Length; at += secret.Length)
            {
                secret.CopyTo(buffer, at);
            }

            var hit = patterns.FindNext(buffer.AsSpan(0, length), 0, final: true);

            Assert.True(hit.Kind == ScanHitKind.None, $"length {length}: {hit.Kind} at {hit.Start}");
        }
    }

    private static string Json(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));

    // Near-misses and whole occurrences of the secrets, each character raw or escaped at random, with base64 and hex
    // now and then, run together or cut by a stop byte, an introducer or an ordinary one: 300 to 3,000 bytes.
    private static string Generate(Random random, string[] secrets)
    {
        var text = new StringBuilder();
        var parts = random.Next(8, 80);
        for (var part = 0; part < parts; part++)
        {
            var secret = secrets[random.Next(secrets.Length)];
            var runes = secret.EnumerateRunes().ToArray();
            var whole = random.Next(10) == 0;
            var prefix = whole ? secret : string.Concat(runes.Take(random.Next(1, runes.Length)).Select(r => r.ToString()));
            var form = whole ? random.Next(SecretEncodings.FormCount) : random.Next(3) == 0 ? 1 : 0;
            text.Append(random.Next(3) == 0 && !whole
                ? string.Concat(prefix.Select(c => $"\\u{(int)c:x4}"))
                : Encoding.UTF8.GetString(SecretEncodings.Encode(prefix, form, random, out _)));
            text.Append(Separators[random.Next(Separators.Length)]);
        }

        return text.ToString();
    }
}
