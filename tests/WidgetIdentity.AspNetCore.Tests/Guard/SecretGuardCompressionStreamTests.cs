using System.IO.Compression;
using System.Text;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class SecretGuardCompressionStreamTests
{
    [Fact]
    public async Task A_secret_split_across_writes_and_a_flush_is_masked_before_compression()
    {
        using var harness = new GuardHarness();
        Assert.True(harness.Body.HandOverToCompression());
        var compressed = new MemoryStream();
        var stream = new SecretGuardCompressionStream(new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true), harness.Body);
        var secret = TestSecrets.Plain;

        await stream.WriteAsync(Encoding.UTF8.GetBytes("<p>" + secret[..5]));
        await stream.FlushAsync();
        var afterFlush = Gunzip(compressed.ToArray());
        stream.Write(Encoding.UTF8.GetBytes(secret[5..] + "</p>"));
        await stream.DisposeAsync();

        Assert.Equal("<p>", afterFlush); // the possible start of the secret stays held on Flush
        Assert.Equal("<p>" + new string('*', Encoding.UTF8.GetByteCount(secret)) + "</p>", Gunzip(compressed.ToArray()));
        Assert.False(harness.Body.Blocked);
    }

    [Fact]
    public async Task In_block_mode_a_secret_blocks_and_nothing_more_is_compressed()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        Assert.True(harness.Body.HandOverToCompression());
        var compressed = new MemoryStream();
        var gate = new BlockGateStream(compressed, harness.Body);
        var stream = new SecretGuardCompressionStream(new GZipStream(gate, CompressionLevel.Fastest), harness.Body);

        await stream.WriteAsync(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain + "</p>"));
        await stream.DisposeAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Equal(0, compressed.Length);
    }

    [Fact]
    public async Task A_guard_that_already_scans_the_plain_bytes_keeps_them()
    {
        using var harness = new GuardHarness();

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>clean</p>"));

        Assert.False(harness.Body.HandOverToCompression());
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        try
        {
            return reader.ReadToEnd();
        }
        catch (EndOfStreamException)
        {
            return "";
        }
    }
}
