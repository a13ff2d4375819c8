using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

public class SecretPatternSetTests
{
    [Theory]
    [InlineData("TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.Raw)]
    [InlineData("TEST-ONLY-sk\\u005Flive_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.JsonEscape)]
    [InlineData("TEST&#x2D;ONLY&#45;sk_live_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.HtmlReference)]
    [InlineData("TEST%2dONLY%2Dsk_live_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.PercentEncoding)]
    [InlineData("544553542d4f4e4c592d736b5f6c6976655f3966334b71375a705832774c6d345262", (int)SecretForms.Hex)]
    public void Names_the_form_it_found(string body, int form)
    {
        var hit = GuardHarness.Patterns.FindNext(Encoding.ASCII.GetBytes("x " + body + " y"), 0, final: true);

        Assert.Equal(ScanHitKind.Match, hit.Kind);
        Assert.Equal(2, hit.Start);
        Assert.Equal(body.Length, hit.Length);
        Assert.Equal((SecretForms)form, hit.Form);
    }

    [Fact]
    public void A_proper_prefix_at_the_end_is_partial_and_nothing_once_the_data_is_final()
    {
        var data = Encoding.ASCII.GetBytes("hello TEST-ONLY-sk_li");

        Assert.Equal(ScanHit.PartialAt(6), GuardHarness.Patterns.FindNext(data, 0, final: false));
        Assert.Equal(ScanHitKind.None, GuardHarness.Patterns.FindNext(data, 0, final: true).Kind);
    }

    [Fact]
    public void A_long_run_of_candidates_that_never_complete_finds_nothing()
    {
        var adversarial = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4R&amp;%2\\u00", 500)));

        Assert.Equal(ScanHitKind.None, GuardHarness.Patterns.FindNext(adversarial, 0, final: true).Kind);
    }
}

public class SecretPatternSetNearMissTests
{
    private static readonly string Secret = TestSecrets.Plain;

    public static TheoryData<string[]> SecretSets => new() { { [TestSecrets.Plain] }, { [TestSecrets.Plain, TestSecrets.Awkward] } };

    [Theory]
    [MemberData(nameof(SecretSets))]
    public void Long_proper_prefixes_pass_unchanged_and_the_real_occurrence_next_to_them_is_masked(string[] secrets)
    {
        var patterns = new SecretPatternSet(secrets);
        var raw = Secret[..^1];
        var json = Json(Secret[..^1]);
        var html = string.Concat(Secret[..^1].Select(c => $"&#x{(int)c:X2};"));
        var percent = string.Concat(Secret[..^1].Select(c => $"%{(int)c:x2}"));
        var mixed = Secret[..5] + Json(Secret[5..12]) + Secret[12..^1];
        foreach (var nearMiss in new[] { raw, json, html, percent, mixed, raw + "\\u0041", json + "&#65;", raw[..10] })
        {
            foreach (var real in new[] { Secret, Json(Secret), mixed + Secret[^1] })
            {
                // Near-misses right before, right after, and run together with the real occurrence.
                var text = nearMiss + nearMiss + real + nearMiss + " " + nearMiss + real[..^1] + real + nearMiss;
                var expected = nearMiss + nearMiss + new string('*', real.Length) + nearMiss + " " + nearMiss + real[..^1] + new string('*', real.Length) + nearMiss;
                foreach (var chunk in new[] { 1, 7, 64, 4096 })
                {
                    Assert.Equal(expected, Scan(patterns, text, chunk));
                }
            }

            Assert.Equal(nearMiss + nearMiss, Scan(patterns, nearMiss + nearMiss, 4096));
        }
    }

    [Fact]
    public void The_prefix_heavy_benchmark_input_is_clean_and_a_secret_at_its_end_is_found()
    {
        var patterns = new SecretPatternSet([Secret]);
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => (i % 2 == 0 ? Secret[..^1] : Json(Secret[..8])) + " "));

        Assert.Equal(text, Scan(patterns, text, 4096));
        Assert.Equal(text + new string('*', Secret.Length), Scan(patterns, text + Secret, 4096));
    }

    [Theory]
    [InlineData("xSGkh\\u002dz", 1, 4, (int)SecretForms.Base64)]   // base64 of "Hi!" inside a failed attempt at the other secret
    [InlineData("xSGkh&#45;z", 1, 4, (int)SecretForms.Base64)]
    [InlineData("\\u0078SGkh\\u002dz", 6, 4, (int)SecretForms.Base64)]
    [InlineData("abab-aba\\u0062-abac", 5, 14, (int)SecretForms.JsonEscape)] // an occurrence overlapping a failed one
    [InlineData("\\u0061\\u0062\\u0061\\u0062-\\u0061abab-abac", 31, 9, (int)SecretForms.Raw)]
    public void An_occurrence_inside_a_failed_attempt_is_still_found(string text, int start, int length, int form)
    {
        var patterns = new SecretPatternSet(text.Contains("abab") ? ["abab-abac"] : ["xSGkh-q", "Hi!"]);

        var hit = patterns.FindNext(Encoding.ASCII.GetBytes(text), 0, final: true);

        Assert.Equal(ScanHit.MatchAt(start, length, (SecretForms)form), hit with { Secret = 0 });
    }

    private static string Json(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));

    // What the scanner sends, secrets replaced by asterisks, for the text written in chunks.
    private static string Scan(SecretPatternSet patterns, string text, int chunk)
    {
        var input = Encoding.UTF8.GetBytes(text);
        var output = new List<byte>();
        using var scanner = new SecretScanner(patterns);
        for (var offset = 0; offset <= input.Length; offset += chunk)
        {
            var write = input.AsSpan(offset, Math.Min(chunk, input.Length - offset));
            var final = offset + chunk > input.Length;
            scanner.Begin(write, final);
            while (scanner.Next(write, out var segment))
            {
                output.AddRange(segment.Kind switch
                {
                    ScanSegmentKind.Input => write.Slice(segment.Offset, segment.Length).ToArray(),
                    ScanSegmentKind.Tail => scanner.Tail.Slice(segment.Offset, segment.Length).ToArray(),
                    _ => Enumerable.Repeat((byte)'*', segment.Length),
                });
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}

public class SecretPatternSetReferenceTests
{
    private const int Cases = 4000;
    private const string Filler = "  x\\u00;&#%4 \\u0054a";

    private static readonly string[][] SecretSets =
    [
        [TestSecrets.Plain],
        [TestSecrets.Plain, TestSecrets.Awkward],
        ["abab-abac", "aaaa"],
        ["TEST-ONLY", "ONLY-TEST", "ST-O"],
        ["u0041xyz", "f00dcafe"],
        ["lowbar_x", "#x;12"],
        ["\u00e9t\u00e9-42", "t\u00e9-4"],
        ["TTTx", "TTTTy"],
        ["abab-abac"],
        ["aabaaab"],
        ["x&z", "amp;y"],
        ["ABC-1", "0042"],
        ["aZm9v-x", "foo"],
        ["xSGkh-q", "Hi!", "TEST-ONLY"],
        ["Ta-b", "x54;", "#84"],
        ["TEST-ONLY"],
        ["f00d-cafe"],
        ["t\u00e9-4x"],
        ["TaTaTb"],
    ];

    [Fact]
    public void Finds_what_trying_every_start_finds()
    {
        var random = new Random(7321);
        for (var i = 0; i < Cases; i++)
        {
            var secrets = SecretSets[i % SecretSets.Length];
            var patterns = new SecretPatternSet(secrets);
            var data = Encoding.UTF8.GetBytes(Generate(random, secrets));
            var from = random.Next(0, Math.Min(data.Length, 8) + 1);
            ReferenceSearch.AssertSameHits(patterns, data, from, final: random.Next(2) == 0, $"case {i} [{string.Join(", ", secrets)}]");
        }
    }

    [Fact]
    public void Finds_what_trying_every_start_finds_in_long_prefix_heavy_input()
    {
        // Raw and lowercase \u00XX near-misses of one secret, run over many 64-byte blocks, with the secret
        // itself in any form (base64 and hex too) now and then: the frontiers move blocks ahead of the prefilter.
        var random = new Random(1913);
        foreach (var secret in new[] { TestSecrets.Plain, "TEST-ONLY", "abab-abac" })
        {
            var patterns = new SecretPatternSet([secret]);
            for (var i = 0; i < 300; i++)
            {
                var text = new StringBuilder();
                var parts = random.Next(2, 40);
                for (var part = 0; part < parts; part++)
                {
                    var length = random.Next(1, secret.Length);
                    text.Append(random.Next(8) switch
                    {
                        0 => Encoding.UTF8.GetString(SecretEncodings.Encode(secret, random.Next(SecretEncodings.FormCount), random, out _)),
                        1 or 2 or 3 => string.Concat(secret[..length].Select(c => $"\\u{(int)c:x4}")),
                        4 => Filler[random.Next(Filler.Length)].ToString(),
                        _ => secret[..length],
                    });
                    if (random.Next(2) == 0)
                    {
                        text.Append(' ');
                    }
                }

                var data = Encoding.UTF8.GetBytes(text.ToString());
                var final = random.Next(2) == 0;
                ReferenceSearch.AssertSameHits(patterns, data, random.Next(0, 8), final, $"case {i} [{secret}]");
            }
        }
    }

    // Near-misses: prefixes of the secrets in random per-character encodings, run together or with a little filler.
    private static string Generate(Random random, string[] secrets)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 12);
        for (var part = 0; part < parts; part++)
        {
            var secret = secrets[random.Next(secrets.Length)];
            var runes = secret.EnumerateRunes().ToArray();
            var length = random.Next(4) == 0 ? runes.Length : random.Next(1, runes.Length);
            var prefix = string.Concat(runes.Take(length).Select(r => r.ToString()));
            var form = random.Next(8) switch { 0 => 2, 1 => 4, 2 => 0, _ => 1 };
            text.Append(Encoding.UTF8.GetString(SecretEncodings.Encode(prefix, form, random, out _)));
            if (random.Next(3) == 0)
            {
                text.Append(Filler[random.Next(Filler.Length)]);
            }
        }

        return text.ToString();
    }
}
