using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

/// <summary>The scan runs on every response write: once warmed up, it allocates nothing, whatever the text holds.</summary>
public class ScanAllocationTests
{
    [Fact]
    public void Scanning_text_full_of_near_misses_in_every_escape_form_allocates_nothing()
    {
        var secret = TestSecrets.Plain;
        var nearMisses = new StringBuilder();
        while (nearMisses.Length < 64 * 1024)
        {
            nearMisses.Append(secret[..20]).Append(' ')                                                      // raw prefix
                .Append(string.Concat(secret[..6].Select(static c => $"\\u{(int)c:x4}"))).Append('.')         // JSON escapes
                .Append(string.Concat(secret[..5].Select(static c => $"&#{(int)c};"))).Append("&amp; ")      // HTML references
                .Append(string.Concat(secret[..5].Select(static c => $"%{(int)c:X2}"))).Append("%20\n");    // percent-encoding
        }

        var text = Encoding.UTF8.GetBytes(nearMisses.ToString());
        using var scanner = new SecretScanner(new SecretPatternSet([secret]));
        ScanInWrites(scanner, text); // warm-up: tables, held-bytes buffer

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sent = ScanInWrites(scanner, text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sent > text.Length - 64, "the scan let the clean text through");
    }

    private static long ScanInWrites(SecretScanner scanner, byte[] text)
    {
        var sent = 0L;
        for (var offset = 0; offset < text.Length; offset += 4096)
        {
            var write = text.AsSpan(offset, Math.Min(4096, text.Length - offset));
            scanner.Begin(write, final: false);
            while (scanner.Next(write, out var segment))
            {
                sent += segment.Length;
            }
        }

        return sent;
    }
}
