using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

/// <summary>
/// The decoder, the prefilter's tables and the block filters agree with <see cref="EscapeForms"/>: every spelling of
/// every character is decoded to it and found inside a secret at any place, so a form or spelling added to the
/// description is covered everywhere or this fails.
/// </summary>
public class EscapeFormTests
{
    private const string Base = "TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb";

    // Every printable ASCII character, and characters of two, three and four UTF-8 bytes.
    private static readonly string[] Characters = [.. Enumerable.Range(0x20, 0x5F).Select(static c => ((char)c).ToString()), "\u00e9", "\u20ac", "\U0001F600"];

    [Fact]
    public void The_introducers_are_exactly_those_of_the_forms()
    {
        for (var b = 0; b < 256; b++)
        {
            var form = EscapeForms.All.SingleOrDefault(f => f.Introducer == b);
            Assert.Equal(form is not null, EscapeForms.IsIntroducer((byte)b));
            Assert.Equal(form is not null, EscapeForms.Introducers.Contains((byte)b));
            Assert.Same(form, EscapeForms.At((byte)b));
        }
    }

    [Fact]
    public void Every_spelling_of_every_character_decodes_to_its_bytes()
    {
        foreach (var (form, spelling) in Spellings())
        {
            foreach (var character in Characters)
            {
                foreach (var (escape, bytes) in Encodings(form, spelling, character))
                {
                    var decoded = EscapeDecoder.Decode(escape, final: true);

                    var context = $"{Encoding.ASCII.GetString(escape)} for '{character}'";
                    Assert.True(decoded.Status == DecodeStatus.Ok, context);
                    Assert.Equal(escape.Length, decoded.Length);
                    Assert.Equal(form.Form, decoded.Form);
                    Assert.True(decoded.ByteCount == bytes.Length && decoded.IsPrefixOf(bytes), context);
                    Assert.Equal(DecodeStatus.NeedMore, EscapeDecoder.Decode(escape.AsSpan(0, escape.Length - 1), final: false).Status);
                }
            }
        }
    }

    [Fact]
    public void Every_spelling_of_every_character_is_found_first_second_inside_and_last_in_a_secret()
    {
        foreach (var character in Characters)
        {
            foreach (var at in new[] { 0, 1, Base.Length / 2, Base.Length })
            {
                var secret = Base[..at] + character + Base[at..];
                var patterns = new SecretPatternSet([secret]);
                foreach (var (form, spelling) in Spellings())
                {
                    foreach (var (escape, _) in EscapeEncodingsOfWholeCharacter(form, spelling, character))
                    {
                        // A near-miss before it, and enough after it for the block filters to run on its block.
                        var occurrence = Encoding.UTF8.GetBytes(Base[..at]).Concat(escape).Concat(Encoding.UTF8.GetBytes(Base[at..])).ToArray();
                        var before = Encoding.UTF8.GetBytes("<p>" + secret[..^1] + "\n");
                        var data = before.Concat(occurrence).Concat(Encoding.ASCII.GetBytes(new string('.', 200))).ToArray();

                        var hit = patterns.FindNext(data, 0, final: true);

                        var context = $"{Encoding.UTF8.GetString(occurrence)} for {secret}";
                        Assert.True(hit.Kind == ScanHitKind.Match, context);
                        Assert.True(hit.Start == before.Length && hit.Length == occurrence.Length, $"{context}: {hit}");
                        Assert.Equal(form.Form, hit.Form);
                    }
                }
            }
        }
    }

    private static IEnumerable<(EscapeForm Form, EscapeSpelling Spelling)> Spellings() =>
        EscapeForms.All.SelectMany(static f => f.Spellings.Select(s => (f, s)));

    // Every escape of the spelling that stands for the character whole (a byte escape: each of its UTF-8 bytes in turn).
    private static IEnumerable<(byte[] Escape, byte[] Bytes)> EscapeEncodingsOfWholeCharacter(EscapeForm form, EscapeSpelling spelling, string character)
    {
        if (spelling.Value == EscapeValue.Byte && !spelling.IsNamed)
        {
            var utf8 = Encoding.UTF8.GetBytes(character);
            return [.. from upper in new[] { false, true }
                       select (utf8.SelectMany(b => spelling.Write(form.Introducer, b, spelling.MinDigits, upper)).ToArray(), utf8)];
        }

        return Encodings(form, spelling, character);
    }

    // Each escape of the spelling for the character, with the bytes it stands for: named ones for their byte, byte
    // escapes for the first UTF-8 byte, UTF-16 escapes per unit (a pair for a supplementary character), numeric ones
    // with the fewest and the most digits, hex digits in either case.
    private static IEnumerable<(byte[] Escape, byte[] Bytes)> Encodings(EscapeForm form, EscapeSpelling spelling, string character)
    {
        var utf8 = Encoding.UTF8.GetBytes(character);
        if (spelling.IsNamed)
        {
            return spelling.Stands == utf8[0] && utf8.Length == 1 ? [([form.Introducer, .. spelling.Text], utf8)] : [];
        }

        var cases = spelling.Radix == 16 ? new[] { false, true } : new[] { false };
        var widths = new[] { spelling.MinDigits, spelling.MaxDigits }.Distinct();
        return spelling.Value switch
        {
            EscapeValue.Byte => [.. cases.Select(upper => (spelling.Write(form.Introducer, utf8[0], spelling.MinDigits, upper), new[] { utf8[0] }))],
            EscapeValue.Utf16Unit => [.. cases.Select(upper => (character.SelectMany(c => spelling.Write(form.Introducer, c, spelling.MinDigits, upper)).ToArray(), utf8))],
            _ => [.. from upper in cases
                     from digits in widths
                     select (spelling.Write(form.Introducer, char.ConvertToUtf32(character, 0), digits, upper), utf8)],
        };
    }
}
