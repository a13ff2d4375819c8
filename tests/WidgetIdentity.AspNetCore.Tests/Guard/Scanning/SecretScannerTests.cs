using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

public class SecretScannerTests
{
    [Fact]
    public void Near_misses_at_every_write_boundary_copy_only_the_held_bytes_and_what_settles_them()
    {
        // Each write ends inside a near-miss, so each begins by settling held bytes; the rest of the write must be
        // sent in place, not pushed through the scanner's tail buffer.
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var nearMisses = string.Concat(Enumerable.Range(0, 3000).Select(i => (i % 2 == 0 ? TestSecrets.Plain[..^1] : string.Concat(TestSecrets.Plain[..8].Select(c => $"\\u{(int)c:x4}"))) + " "));
        var input = Encoding.ASCII.GetBytes(nearMisses);
        using var scanner = new SecretScanner(patterns);
        var output = new List<byte>();
        var writes = 0;
        for (var offset = 0; offset < input.Length; offset += 4096, writes++)
        {
            var write = input.AsSpan(offset, Math.Min(4096, input.Length - offset));
            var fromTail = 0;
            scanner.Begin(write, final: offset + 4096 >= input.Length);
            while (scanner.Next(write, out var segment))
            {
                Assert.NotEqual(ScanSegmentKind.Secret, segment.Kind);
                var bytes = segment.Kind == ScanSegmentKind.Tail ? scanner.Tail.Slice(segment.Offset, segment.Length) : write.Slice(segment.Offset, segment.Length);
                fromTail += segment.Kind == ScanSegmentKind.Tail ? segment.Length : 0;
                output.AddRange(bytes.ToArray());
            }

            Assert.True(fromTail < 2 * patterns.MaxMatchLength, $"write {writes}: {fromTail} bytes went through the tail");
        }

        Assert.True(writes >= 25);
        Assert.Equal(nearMisses, Encoding.ASCII.GetString(output.ToArray()));
    }
}
