using System.IO.Compression;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class ContentDecoderTests
{
    [Theory]
    [InlineData(true)]  // as the guard reads it: everything decoded after each write
    [InlineData(false)] // one small read after each write: the decoder takes only part of what was fed
    public void Writes_larger_than_the_decoders_own_reads_decode_to_the_original(bool drainEachWrite)
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
            if (drainEachWrite)
            {
                Drain(decoder, decoded, buffer);
            }
            else
            {
                decoded.Write(buffer, 0, decoder.Read(buffer));
            }
        }

        Drain(decoder, decoded, buffer);

        Assert.Equal(original, decoded.ToArray());
    }

    private static void Drain(ContentDecoder decoder, MemoryStream decoded, byte[] buffer)
    {
        int count;
        while ((count = decoder.Read(buffer)) > 0)
        {
            decoded.Write(buffer, 0, count);
        }
    }
}
