using System.IO.Compression;
using System.Text;

namespace WidgetIdentity.Tests.Guard;

/// <summary>Bodies encoded by the framework's own encoders, and what a client decodes from the bytes it received.</summary>
internal static class EncodedBodies
{
    /// <summary><paramref name="text"/> in a <c>Content-Encoding</c> (gzip, x-gzip, deflate as zlib, br; case and spaces ignored).</summary>
    public static byte[] Encode(string encoding, string text, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var encoder = Encoder(encoding, output, level))
        {
            encoder.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>What a client decodes from <paramref name="received"/>, as far as the bytes go (a response cut off included).</summary>
    public static string DecodePrefix(string encoding, byte[] received)
    {
        using var decoder = Decoder(encoding, new MemoryStream(received));
        var decoded = new MemoryStream();
        var buffer = new byte[1];
        try
        {
            while (decoder.Read(buffer) == 1)
            {
                decoded.WriteByte(buffer[0]);
            }
        }
        catch (InvalidDataException)
        {
            // cut off: keep what decoded before the cut
        }

        return Encoding.UTF8.GetString(decoded.ToArray());
    }

    private static Stream Encoder(string encoding, Stream output, CompressionLevel level) => encoding.Trim().ToLowerInvariant() switch
    {
        "gzip" or "x-gzip" => new GZipStream(output, level),
        "deflate" => new ZLibStream(output, level),
        "br" => new BrotliStream(output, level),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "No encoder for this test."),
    };

    private static Stream Decoder(string encoding, Stream input) => encoding.Trim().ToLowerInvariant() switch
    {
        "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
        "deflate" => new ZLibStream(input, CompressionMode.Decompress),
        "br" => new BrotliStream(input, CompressionMode.Decompress),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "No decoder for this test."),
    };
}
