using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// The guarded body from start to end: what starts the server's response, what a blocked response never sends,
/// what is sent once the response is complete, and compressed bytes held only while they must be.
/// </summary>
public class SecretGuardBodyLifecycleTests
{
    private static readonly string SecretStart = TestSecrets.Plain[..12];

    [Fact]
    public async Task Starting_a_clean_response_starts_the_servers()
    {
        var server = new GatedServer();
        using var body = server.Guard();

        await ((IHttpResponseBodyFeature)body).StartAsync();

        Assert.Equal(["start"], server.Calls);
    }

    [Fact]
    public async Task Starting_a_response_in_an_encoding_the_guard_cannot_read_blocks_it_before_the_server_starts()
    {
        var server = new GatedServer();
        server.Context.Response.Headers.ContentEncoding = "compress";
        using var body = server.Guard();

        await ((IHttpResponseBodyFeature)body).StartAsync();

        Assert.Empty(server.Calls);
        Assert.True(body.Blocked);
        Assert.Equal(StatusCodes.Status500InternalServerError, server.Context.Response.StatusCode);
    }

    [Fact]
    public async Task Headers_sent_in_an_encoding_the_guard_cannot_read_leave_as_an_empty_500()
    {
        using var harness = new GuardHarness(contentEncoding: "compress");

        await harness.Body.OnStarting();

        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
        Assert.Equal(0, harness.Context.Response.ContentLength);
        Assert.Equal([104], harness.EventIds);
    }

    [Fact]
    public async Task A_blocked_response_leaves_as_an_empty_500_even_if_the_app_sets_a_status_and_headers_afterwards()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes(TestSecrets.Plain));
        harness.Context.Response.StatusCode = StatusCodes.Status200OK;
        harness.Context.Response.Headers["X-After-Block"] = "1";

        await harness.Body.OnStarting();

        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
        Assert.False(harness.Context.Response.Headers.ContainsKey("X-After-Block"));
        Assert.Equal(0, harness.Context.Response.ContentLength);
    }

    [Fact]
    public async Task Completing_the_response_twice_completes_the_servers_once()
    {
        var server = new GatedServer();
        using var body = server.Guard();
        await body.WriteAsync(Encoding.UTF8.GetBytes("<p>clean</p>"));

        await body.CompleteAsync();
        await body.CompleteAsync();

        Assert.Single(server.Calls, call => call == "complete");
    }

    [Fact]
    public async Task Nothing_written_after_the_response_is_complete_is_sent()
    {
        using var harness = new GuardHarness();
        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>page</p>"));
        await harness.Feature.CompleteAsync();

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>late</p>"));
        harness.Body.Write(Encoding.UTF8.GetBytes("<p>late</p>"));

        Assert.Equal("<p>page</p>", Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task In_block_mode_clean_bytes_committed_before_a_secret_never_reach_the_client_whatever_flushes()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        var clean = Encoding.UTF8.GetBytes("<p>hello</p>");
        clean.CopyTo(harness.Feature.Writer.GetSpan(clean.Length));
        harness.Feature.Writer.Advance(clean.Length); // committed, not yet flushed

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain));
        await harness.Body.FlushAsync();
        harness.Body.Flush();
        await harness.Body.FinishAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task A_compressed_write_that_decodes_to_clean_text_is_sent_at_once()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var compressed = EncodedBodies.Encode("gzip", "<p>clean</p>");

        await harness.Body.WriteAsync(compressed);

        Assert.Equal(compressed, harness.Sent);
    }

    [Fact]
    public async Task Compressed_bytes_held_while_they_decode_to_the_start_of_a_secret_go_out_once_in_order()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var compressed = EncodedBodies.Encode("gzip", "<p>" + SecretStart + " is not a secret</p><p>more</p>", CompressionLevel.NoCompression);

        foreach (var chunk in compressed.Chunk(3))
        {
            await harness.Body.WriteAsync(chunk);
        }

        await harness.Body.CompleteAsync();

        Assert.False(harness.Body.Blocked);
        Assert.Equal(compressed, harness.Sent);
    }

    [Fact]
    public async Task A_compressed_page_with_two_secrets_is_blocked_and_logged_once()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");

        await harness.Body.WriteAsync(EncodedBodies.Encode("gzip", $"<p>{TestSecrets.Plain}</p><p>{TestSecrets.Plain}</p>"));

        Assert.True(harness.Body.Blocked);
        Assert.Equal([110, 103], harness.EventIds);
    }

    [Fact]
    public async Task After_the_hand_over_to_response_compression_the_compressed_bytes_pass_unchanged_and_undecoded()
    {
        using var harness = new GuardHarness();
        Assert.True(harness.Body.HandOverToCompression());
        harness.Context.Response.Headers.ContentEncoding = "gzip"; // as the compression middleware sets it
        var compressed = Encoding.UTF8.GetBytes("\u001f\u008b compressor output " + SecretStart); // ends like a secret's start

        harness.Body.Write(compressed);
        await harness.Body.WriteAsync(compressed);

        Assert.Equal([.. compressed, .. compressed], harness.Sent);
        Assert.Empty(harness.EventIds);
    }
}
