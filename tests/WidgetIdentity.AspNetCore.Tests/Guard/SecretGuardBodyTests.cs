using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class SecretGuardBodyTests
{
    public static TheoryData<string> EncoderOutputs => new()
    {
        JsonSerializer.Serialize(new { key = TestSecrets.Awkward }),
        HtmlEncoder.Default.Encode(TestSecrets.Awkward),
        WebUtility.HtmlEncode(TestSecrets.Awkward),
        Uri.EscapeDataString(TestSecrets.Awkward),
        WebUtility.UrlEncode(TestSecrets.Plain),
        JavaScriptEncoder.Default.Encode(TestSecrets.Awkward),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TestSecrets.Awkward)),
        Convert.ToHexString(Encoding.UTF8.GetBytes(TestSecrets.Plain)),
    };

    [Theory]
    [MemberData(nameof(EncoderOutputs))]
    public async Task What_framework_encoders_write_is_masked_at_the_same_length(string encoded)
    {
        using var harness = new GuardHarness();
        var body = Encoding.UTF8.GetBytes($"<p>{encoded}</p>");

        await harness.Body.WriteAsync(body);
        await harness.Body.FinishAsync();

        var sent = Encoding.UTF8.GetString(harness.Sent);
        Assert.Equal(body.Length, harness.Sent.Length);
        Assert.StartsWith("<p>", sent);
        Assert.EndsWith("</p>", sent);
        Assert.Contains("*****", sent);
        Assert.DoesNotContain("sk_live", sent);
    }

    [Fact]
    public async Task A_secret_written_one_byte_at_a_time_is_masked()
    {
        using var harness = new GuardHarness();
        foreach (var b in Encoding.UTF8.GetBytes($"a {TestSecrets.Plain} b"))
        {
            await harness.Body.WriteAsync(new[] { b });
        }

        await harness.Body.FinishAsync();

        Assert.Equal($"a {new string('*', TestSecrets.Plain.Length)} b", Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task Flush_sends_everything_but_a_possible_secret_prefix_and_the_end_releases_it_unchanged()
    {
        using var harness = new GuardHarness();
        var start = "data: event one\n\ndata: TEST-ONLY-sk";

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes(start));
        await harness.Body.FlushAsync();

        Assert.Equal("data: event one\n\ndata: ", Encoding.UTF8.GetString(harness.Sent));
        await harness.Body.FinishAsync();
        Assert.Equal(start, Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task A_write_through_the_stream_is_sent_without_a_flush_as_the_servers_own_stream_sends_it()
    {
        // Blazor's streaming rendering and server-sent events write the Stream and never flush: the server's Stream
        // sends each write, so the guarded one must too, or the page arrives only when the response ends.
        using var harness = new GuardHarness();

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>Loading…</p>"));
        Assert.Equal("<p>Loading…</p>", Encoding.UTF8.GetString(harness.Sent));

        harness.Body.Write(Encoding.UTF8.GetBytes("<p>Done</p>data: TEST-ONLY-sk"));
        Assert.Equal("<p>Loading…</p><p>Done</p>data: ", Encoding.UTF8.GetString(harness.Sent)); // a possible secret stays held
    }

    [Fact]
    public async Task Ordinary_html_passes_unchanged_with_nothing_held_back()
    {
        using var harness = new GuardHarness();
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div class=\"card\">Price: 10% off &amp; free \\n shipping</div>\n", 200)));

        harness.Body.Write(html);
        await harness.Body.FlushAsync();

        Assert.Equal(0, harness.Body.HeldBack);
        Assert.Equal(html, harness.Sent);
    }

    [Fact]
    public async Task The_writer_used_by_System_Text_Json_is_scanned()
    {
        using var harness = new GuardHarness();

        await JsonSerializer.SerializeAsync(harness.Feature.Writer, new { secret = TestSecrets.Awkward });
        await harness.Feature.CompleteAsync();

        Assert.DoesNotContain("TEST-ONLY", Encoding.UTF8.GetString(harness.Sent));
        Assert.StartsWith("{\"secret\":\"", Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public void The_writer_hands_the_app_the_servers_own_buffer_instead_of_a_copy()
    {
        using var harness = new GuardHarness();

        var handedToApp = harness.Feature.Writer.GetMemory(64);
        var serversNext = harness.Inner.Writer.GetMemory(64);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(handedToApp, out var app));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(serversNext, out var server));
        Assert.Same(server.Array, app.Array);
        Assert.Equal(server.Offset, app.Offset);
    }

    [Fact]
    public async Task A_secret_split_across_writer_advances_is_masked_in_the_servers_buffer()
    {
        using var harness = new GuardHarness();
        var bytes = Encoding.UTF8.GetBytes($"<p>{TestSecrets.Plain}</p>");
        var writer = harness.Feature.Writer;

        foreach (var part in new[] { bytes[..6], bytes[6..9], bytes[9..] })
        {
            part.CopyTo(writer.GetSpan(part.Length));
            writer.Advance(part.Length);
            await writer.FlushAsync();
        }

        await harness.Feature.CompleteAsync();

        Assert.Equal($"<p>{new string('*', TestSecrets.Plain.Length)}</p>", Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task A_sent_file_goes_through_the_scan()
    {
        using var harness = new GuardHarness();
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, $"const key = '{TestSecrets.Plain}';", CancellationToken.None);
        try
        {
            await harness.Feature.SendFileAsync(path, 0, null);
            await harness.Feature.CompleteAsync();
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal($"const key = '{new string('*', TestSecrets.Plain.Length)}';", Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public async Task Block_turns_an_unstarted_response_into_an_empty_500()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        harness.Context.Response.Headers["X-Custom"] = "kept?";

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"before\":1,\"key\":\"{TestSecrets.Plain}\"}}"));
        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("more"));
        await harness.Body.CompleteAsync(); // completes the server's body too: anything committed would now be in Sent

        Assert.True(harness.Body.Blocked);
        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
        Assert.Equal(0, harness.Context.Response.ContentLength);
        Assert.False(harness.Context.Response.Headers.ContainsKey("X-Custom"));
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task A_compressed_body_is_decoded_and_scanned_and_sent_unchanged_when_clean()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var compressed = Gzip("<p>clean page</p>");

        await harness.Body.WriteAsync(compressed);
        await harness.Body.FinishAsync();

        Assert.False(harness.Body.Blocked);
        Assert.Equal(compressed, harness.Sent);
    }

    [Fact]
    public async Task A_secret_in_a_compressed_body_blocks_it_even_in_redact_mode()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var compressed = Gzip($"<p>{TestSecrets.Plain}</p>");

        foreach (var chunk in compressed.Chunk(5))
        {
            await harness.Body.WriteAsync(chunk);
        }

        await harness.Body.FinishAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
    }

    [Fact]
    public async Task An_encoding_the_guard_cannot_decode_is_refused()
    {
        using var harness = new GuardHarness(contentEncoding: "zstd");

        await harness.Body.WriteAsync(new byte[] { 1, 2, 3 });

        Assert.True(harness.Body.Blocked);
        Assert.Empty(harness.Sent);
    }

    internal static byte[] Gzip(string text) => EncodedBodies.Encode("gzip", text);
}
