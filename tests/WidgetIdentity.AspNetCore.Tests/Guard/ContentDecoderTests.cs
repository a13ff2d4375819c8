using System.IO.Compression;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class ContentDecoderTests
{
    [Fact]
    public void Bytes_fed_while_earlier_ones_are_still_unread_decode_to_the_original()
    {
        var original = new byte[60_000];
        new Random(20261130).NextBytes(original);
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(original);
        }

        using var decoder = ContentDecoder.Create("gzip")!;
        var decoded = new MemoryStream();
        var buffer = new byte[1000];
        foreach (var chunk in compressed.ToArray().Chunk(10_000))
        {
            decoder.Feed(chunk);
            decoded.Write(buffer, 0, decoder.Read(buffer)); // one small read: the decoder takes only part of what was fed
        }

        int count;
        while ((count = decoder.Read(buffer)) > 0)
        {
            decoded.Write(buffer, 0, count);
        }

        Assert.Equal(original, decoded.ToArray());
    }
}
