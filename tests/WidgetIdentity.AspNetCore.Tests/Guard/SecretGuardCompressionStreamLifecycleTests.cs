using System.IO.Compression;
using System.Text;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// The compression stream over its whole life: synchronous writes scanned as asynchronous ones are, flushes that reach
/// the compressor until a block, held bytes released when it is disposed (either way), and nothing after that.
/// </summary>
public class SecretGuardCompressionStreamLifecycleTests
{
    private static readonly string SecretStart = TestSecrets.Plain[..12];

    [Fact]
    public async Task Flushes_reach_the_compressor_until_the_guard_blocks()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        Assert.True(harness.Body.HandOverToCompression());
        var compressor = new CountingStream();
        var stream = new SecretGuardCompressionStream(compressor, harness.Body);

        stream.Flush();
        await stream.FlushAsync();
        Assert.Equal(2, compressor.Flushes);

        stream.Write(Encoding.UTF8.GetBytes(TestSecrets.Plain));
        stream.Flush();
        await stream.FlushAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Equal(2, compressor.Flushes);
        Assert.Empty(compressor.ToArray());
    }

    [Fact]
    public void A_secret_split_across_synchronous_writes_is_masked()
    {
        using var harness = new GuardHarness();
        var (stream, compressed) = GzipHandOver(harness);

        stream.Write(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain[..5]));
        stream.Write(Encoding.UTF8.GetBytes(TestSecrets.Plain[5..] + "</p>"));
        stream.Dispose();

        Assert.Equal("<p>" + new string('*', TestSecrets.Plain.Length) + "</p>", EncodedBodies.DecodePrefix("gzip", compressed.ToArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_that_ends_in_the_start_of_a_secret_is_compressed_whole_when_the_stream_is_disposed(bool synchronous)
    {
        using var harness = new GuardHarness();
        var (stream, compressed) = GzipHandOver(harness);
        var page = Encoding.UTF8.GetBytes("<p>clean</p>" + SecretStart);

        if (synchronous)
        {
            stream.Write(page);
            stream.Dispose();
        }
        else
        {
            await stream.WriteAsync(page);
            await stream.DisposeAsync();
        }

        Assert.Equal("<p>clean</p>" + SecretStart, EncodedBodies.DecodePrefix("gzip", compressed.ToArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Writes_after_the_stream_is_disposed_are_dropped(bool synchronous)
    {
        using var harness = new GuardHarness();
        var (stream, compressed) = GzipHandOver(harness);
        await stream.WriteAsync(Encoding.UTF8.GetBytes("<p>page</p>"));
        if (synchronous)
        {
            stream.Dispose();
        }
        else
        {
            await stream.DisposeAsync();
        }

        var length = compressed.Length;
        stream.Write(Encoding.UTF8.GetBytes("<p>late</p>"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes("<p>late</p>"));

        Assert.Equal(length, compressed.Length);
        Assert.Equal("<p>page</p>", EncodedBodies.DecodePrefix("gzip", compressed.ToArray()));
    }

    // The guard hands the scan over to a gzip compression stream, as the app's response compression asks it to.
    private static (SecretGuardCompressionStream Stream, MemoryStream Compressed) GzipHandOver(GuardHarness harness)
    {
        Assert.True(harness.Body.HandOverToCompression());
        var compressed = new MemoryStream();
        return (new SecretGuardCompressionStream(new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true), harness.Body), compressed);
    }
}
