using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// Block mode: a write that holds a secret sends none of its bytes, not even the clean ones in front of the secret,
/// so a response that has not started can still become an empty 500. The harness completes the server's body as
/// the server does at the end of a request, so bytes the guard committed without flushing would show in
/// <see cref="GuardHarness.Sent"/>.
/// </summary>
public class SecretGuardBlockTests
{
    private const string BeforeSecret = "{\"before\":1,\"key\":\"";

    public static TheoryData<string> WriteMethods => ["Stream.WriteAsync", "Stream.Write", "PipeWriter.WriteAsync", "PipeWriter.GetSpan+Advance"];

    [Theory]
    [MemberData(nameof(WriteMethods))]
    public async Task No_byte_of_a_write_that_holds_a_secret_reaches_the_client_not_even_the_clean_ones_before_it(string method)
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        harness.Context.Response.Headers["X-Custom"] = "dropped";

        await Write(harness.Feature, method, BeforeSecret + TestSecrets.Plain + "\"}");
        await harness.Body.CompleteAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Equal("", Encoding.UTF8.GetString(harness.Sent));
        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
        Assert.Equal(0, harness.Context.Response.ContentLength);
        Assert.False(harness.Context.Response.Headers.ContainsKey("X-Custom"));
        Assert.Equal([101], harness.EventIds);
    }

    [Theory]
    [MemberData(nameof(WriteMethods))]
    public async Task Nothing_written_after_the_block_reaches_the_client(string method)
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);

        await Write(harness.Feature, method, TestSecrets.Plain);
        await Write(harness.Feature, method, "<p>written after the block</p>");
        await harness.Body.CompleteAsync();

        Assert.Equal("", Encoding.UTF8.GetString(harness.Sent));
        Assert.Equal(0, harness.Context.Response.ContentLength);
    }

    [Fact]
    public async Task Clean_writes_before_the_secrets_write_were_sent_and_the_block_stops_the_rest()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>first</p>"));
        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes(BeforeSecret + TestSecrets.Plain));
        await harness.Body.CompleteAsync();

        Assert.Equal("<p>first</p>", Encoding.UTF8.GetString(harness.Sent));
        Assert.True(harness.Body.Blocked);
    }

    [Fact]
    public async Task In_redact_mode_the_clean_bytes_before_a_secret_are_sent_and_the_secret_masked()
    {
        using var harness = new GuardHarness(SecretGuardMode.Redact);

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes(BeforeSecret + TestSecrets.Plain + "\"}"));
        await harness.Body.CompleteAsync();

        Assert.Equal(BeforeSecret + new string('*', TestSecrets.Plain.Length) + "\"}", Encoding.UTF8.GetString(harness.Sent));
        Assert.Equal([100], harness.EventIds);
    }

    [Fact]
    public async Task A_secret_in_a_header_blocks_the_response_in_block_mode_and_says_which_header()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        harness.Context.Response.Headers["X-Debug-Key"] = TestSecrets.Plain;

        await harness.Body.OnStarting();

        Assert.True(harness.Body.Blocked);
        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
        Assert.Equal(0, harness.Context.Response.ContentLength);
        Assert.False(harness.Context.Response.Headers.ContainsKey("X-Debug-Key"));
        var entry = Assert.Single(harness.Logs.Entries);
        Assert.Equal(102, entry.EventId.Id);
        Assert.Contains("X-Debug-Key", entry.Message, StringComparison.Ordinal);
        Assert.Contains("the response was blocked", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecrets.Plain, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_a_header_is_masked_in_redact_mode_and_the_log_says_so()
    {
        using var harness = new GuardHarness(SecretGuardMode.Redact);
        harness.Context.Response.Headers["X-Debug-Key"] = "key=" + TestSecrets.Plain;

        await harness.Body.OnStarting();

        Assert.False(harness.Body.Blocked);
        Assert.Equal("key=" + new string('*', TestSecrets.Plain.Length), harness.Context.Response.Headers["X-Debug-Key"].ToString());
        var entry = Assert.Single(harness.Logs.Entries);
        Assert.Equal(102, entry.EventId.Id);
        Assert.Contains("X-Debug-Key", entry.Message, StringComparison.Ordinal);
        Assert.Contains("the secret was masked", entry.Message, StringComparison.Ordinal);
    }

    private static async Task Write(IHttpResponseBodyFeature feature, string method, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        switch (method)
        {
            case "Stream.WriteAsync":
                await feature.Stream.WriteAsync(bytes);
                break;
            case "Stream.Write":
                feature.Stream.Write(bytes);
                break;
            case "PipeWriter.WriteAsync":
                await feature.Writer.WriteAsync(bytes);
                break;
            case "PipeWriter.GetSpan+Advance":
                bytes.CopyTo(feature.Writer.GetSpan(bytes.Length));
                feature.Writer.Advance(bytes.Length);
                await feature.Writer.FlushAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown write method.");
        }
    }
}
