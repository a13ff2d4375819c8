using System.Text;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>The guarded <see cref="System.IO.Pipelines.PipeWriter"/>: its memory, its Advance, its completion.</summary>
public class SecretGuardPipeWriterTests
{
    private static readonly string SecretStart = TestSecrets.Plain[..12];

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a compressed body: the writer hands out a buffer of its own
    public void The_writer_hands_out_at_least_the_memory_asked_for(bool compressed)
    {
        using var harness = new GuardHarness(contentEncoding: compressed ? "gzip" : null);
        var writer = harness.Feature.Writer;

        Assert.True(writer.GetMemory().Length >= 1);
        writer.Advance(0);
        Assert.True(writer.GetMemory(100).Length >= 100);
        writer.Advance(0);
        Assert.True(writer.GetMemory(10_000).Length >= 10_000);
        writer.Advance(0);
        Assert.True(writer.GetSpan(20_000).Length >= 20_000);
    }

    [Fact]
    public async Task Advancing_by_nothing_before_or_after_a_write_sends_nothing_more()
    {
        using var harness = new GuardHarness();
        var writer = harness.Feature.Writer;

        writer.Advance(0);
        Write(writer, "<p>clean</p>");
        writer.Advance(0);
        await writer.FlushAsync();

        Assert.Equal("<p>clean</p>", Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task A_clean_write_to_the_writer_tells_the_app_it_may_go_on_writing()
    {
        using var harness = new GuardHarness();

        var result = await harness.Feature.Writer.WriteAsync(Encoding.UTF8.GetBytes("<p>clean</p>"));

        Assert.False(result.IsCompleted); // true would tell a serializer the client is gone: it would stop writing
        Assert.False(result.IsCanceled);
        Assert.Equal("<p>clean</p>", Encoding.UTF8.GetString(harness.Sent));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the server's write completes later, as Kestrel's does when the connection is busy
    public async Task A_write_to_the_writer_after_the_client_has_gone_tells_the_app_to_stop(bool slowServer)
    {
        var server = new GatedServer(gateWrites: slowServer) { ClientGone = true };
        using var guard = server.Guard();
        var writer = ((Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature)guard).Writer;

        var write = writer.WriteAsync(Encoding.UTF8.GetBytes("<p>clean</p>"));
        Assert.Equal(!slowServer, write.IsCompleted);
        server.WriteGate.TrySetResult();
        var result = await write;

        Assert.True(result.IsCompleted); // as the server said: a serializer stops writing to a client that has gone
        Assert.Equal("<p>clean</p>", Encoding.UTF8.GetString(server.Sent));
    }

    [Fact]
    public void Advancing_past_the_memory_handed_out_behind_held_bytes_names_the_count()
    {
        using var harness = new GuardHarness();
        var writer = harness.Feature.Writer;
        Write(writer, "<p>" + SecretStart); // held back: room for it is kept in front of the next memory
        Assert.Equal(SecretStart.Length, harness.Body.HeldBack);
        var handedOut = writer.GetMemory(16).Length;

        Assert.Throws<ArgumentOutOfRangeException>("bytes", () => writer.Advance(handedOut + 1));
    }

    [Fact]
    public void Writing_the_stream_between_GetMemory_and_Advance_is_refused_with_a_clear_error()
    {
        using var harness = new GuardHarness();
        var writer = harness.Feature.Writer;
        writer.GetMemory(16);
        harness.Feature.Stream.Write(Encoding.UTF8.GetBytes("<p>" + SecretStart));

        var failure = Assert.Throws<InvalidOperationException>(() => writer.Advance(4));
        Assert.Contains("Stream between GetMemory and Advance", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_the_writer_sends_the_held_bytes_of_a_page_that_ends_in_the_start_of_a_secret()
    {
        using var harness = new GuardHarness();
        var writer = harness.Feature.Writer;
        Write(writer, "<p>clean</p>" + SecretStart);

        await writer.CompleteAsync();

        Assert.Equal("<p>clean</p>" + SecretStart, Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task A_compressed_page_written_with_GetSpan_and_Advance_is_scanned_and_sent_unchanged()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var writer = harness.Feature.Writer;
        var compressed = EncodedBodies.Encode("gzip", "<p>clean</p>");

        foreach (var chunk in compressed.Chunk(7))
        {
            chunk.CopyTo(writer.GetSpan(chunk.Length));
            writer.Advance(chunk.Length);
        }

        await writer.FlushAsync();

        Assert.Equal(compressed, harness.Sent);
    }

    [Fact]
    public async Task A_compressed_page_holding_a_secret_written_with_GetSpan_and_Advance_is_blocked()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var writer = harness.Feature.Writer;
        var compressed = EncodedBodies.Encode("gzip", "<p>" + TestSecrets.Plain + "</p>");

        compressed.CopyTo(writer.GetSpan(compressed.Length)); // the first call: the writer learns of the encoding here
        writer.Advance(compressed.Length);
        await writer.CompleteAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public void Compressed_bytes_written_with_Advance_wait_for_a_flush_until_64_KiB_are_waiting()
    {
        using var harness = new GuardHarness();
        Assert.True(harness.Body.HandOverToCompression()); // the app's compression scans the plain bytes
        var writer = harness.Feature.Writer;
        var chunk = new byte[4096];
        new Random(20261130).NextBytes(chunk);

        for (var i = 1; i < 16; i++)
        {
            chunk.CopyTo(writer.GetSpan(chunk.Length));
            writer.Advance(chunk.Length);
            Assert.Empty(harness.Sent);
        }

        chunk.CopyTo(writer.GetSpan(chunk.Length));
        writer.Advance(chunk.Length); // 16 × 4096 = 64 KiB

        Assert.Equal(16 * 4096, harness.Sent.Length);
    }

    private static void Write(System.IO.Pipelines.PipeWriter writer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }
}
