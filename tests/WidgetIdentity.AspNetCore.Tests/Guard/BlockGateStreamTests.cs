using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>The compressor's output passes until the guard blocks the response, and nothing of it after.</summary>
public class BlockGateStreamTests
{
    private static readonly byte[] Compressed = [0x1f, 0x8b, 0x08, 0x00, 0x42];

    [Fact]
    public async Task Before_a_block_writes_and_flushes_reach_the_response()
    {
        var output = new CountingStream();
        var gate = new BlockGateStream(output, new GuardState());

        gate.Write(Compressed);
        await gate.WriteAsync(Compressed);
        gate.Flush();
        await gate.FlushAsync();

        Assert.Equal([.. Compressed, .. Compressed], output.ToArray());
        Assert.Equal(2, output.Flushes);
    }

    [Fact]
    public async Task After_a_block_no_write_or_flush_reaches_the_response()
    {
        var output = new CountingStream();
        var gate = new BlockGateStream(output, new GuardState { Blocked = true });

        gate.Write(Compressed);
        await gate.WriteAsync(Compressed);
        gate.Flush();
        await gate.FlushAsync();

        Assert.Empty(output.ToArray());
        Assert.Equal(0, output.Flushes);
    }

    [Fact]
    public void The_guards_streams_are_write_only_and_cannot_seek()
    {
        using var harness = new GuardHarness();
        Stream[] streams = [new BlockGateStream(new MemoryStream(), new GuardState()), harness.Feature.Stream];

        Assert.All(streams, stream =>
        {
            Assert.False(stream.CanRead);
            Assert.False(stream.CanSeek);
            Assert.True(stream.CanWrite);
        });
    }
}
