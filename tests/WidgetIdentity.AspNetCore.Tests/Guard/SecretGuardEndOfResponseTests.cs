using System.Text;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// The end of a response: bytes held back because they could begin a secret are released when it turns out they do
/// not (whichever way the app ends the response), and a secret that only the end completes is still caught.
/// </summary>
public class SecretGuardEndOfResponseTests
{
    private static readonly string SecretStart = TestSecrets.Plain[..12];

    [Fact]
    public async Task A_page_that_ends_in_the_start_of_a_secret_is_sent_whole_when_the_app_completes_the_response()
    {
        using var harness = new GuardHarness();

        await harness.Feature.Stream.WriteAsync(Encoding.UTF8.GetBytes("<p>clean</p>" + SecretStart));
        await harness.Feature.CompleteAsync(); // Response.CompleteAsync(): the app ends the response itself

        Assert.Equal("<p>clean</p>" + SecretStart, Encoding.UTF8.GetString(harness.Sent));
    }

    [Fact]
    public void A_synchronous_write_is_scanned_and_sent()
    {
        using var harness = new GuardHarness();

        harness.Feature.Stream.Write(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain + "</p>"));

        Assert.Equal("<p>" + new string('*', TestSecrets.Plain.Length) + "</p>", Encoding.UTF8.GetString(harness.Sent));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_compressed_page_that_ends_in_the_start_of_a_secret_is_sent_whole(bool synchronous)
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");
        var compressed = Gzip("<p>clean</p>" + SecretStart);

        foreach (var chunk in compressed.Chunk(5))
        {
            if (synchronous)
            {
                harness.Feature.Stream.Write(chunk);
            }
            else
            {
                await harness.Feature.Stream.WriteAsync(chunk);
            }
        }

        await harness.Body.CompleteAsync();

        Assert.False(harness.Body.Blocked);
        Assert.Equal(compressed, harness.Sent);
    }

    [Fact]
    public async Task A_compressed_page_that_ends_exactly_with_a_secret_is_blocked_and_none_of_it_sent()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");

        foreach (var chunk in Gzip("<p>clean</p>" + TestSecrets.Plain).Chunk(5))
        {
            await harness.Feature.Stream.WriteAsync(chunk);
        }

        await harness.Body.CompleteAsync();

        Assert.True(harness.Body.Blocked);
        Assert.DoesNotContain("TEST-ONLY", EncodedBodies.DecodePrefix("gzip", harness.Sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_block_the_writers_flush_tells_the_app_to_stop_writing()
    {
        using var harness = new GuardHarness(SecretGuardMode.Block);
        var writer = harness.Feature.Writer;

        await writer.WriteAsync(Encoding.UTF8.GetBytes(TestSecrets.Plain));
        var flush = await writer.FlushAsync();

        Assert.True(flush.IsCompleted);
        Assert.False(flush.IsCanceled);
    }

    private static byte[] Gzip(string text) => EncodedBodies.Encode("gzip", text);

}
