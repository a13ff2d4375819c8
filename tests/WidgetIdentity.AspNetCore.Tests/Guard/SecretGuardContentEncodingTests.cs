using System.Text;
using Microsoft.AspNetCore.Http;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// A body the app (or a precompressed file) sends already encoded is decoded on the side and scanned: every encoding
/// the guard claims to decode, in every spelling, passes clean bytes unchanged and blocks a secret; any other or
/// stacked encoding is refused. The encoded bytes come from the framework's own encoders.
/// </summary>
public class SecretGuardContentEncodingTests
{
    public static TheoryData<string> DecodedEncodings => ["gzip", "x-gzip", "deflate", "br", "GZIP", " br "];

    [Theory]
    [MemberData(nameof(DecodedEncodings))]
    public async Task A_clean_encoded_body_is_scanned_and_sent_unchanged(string encoding)
    {
        using var harness = new GuardHarness(contentEncoding: encoding);
        var encoded = EncodedBodies.Encode(encoding, "<p>" + new string('x', 5000) + "</p>");

        foreach (var chunk in encoded.Chunk(7))
        {
            await harness.Body.WriteAsync(chunk);
        }

        await harness.Body.CompleteAsync();

        Assert.False(harness.Body.Blocked);
        Assert.Equal(encoded, harness.Sent);
        Assert.Equal([110], harness.EventIds); // decoded to be scanned
    }

    [Theory]
    [MemberData(nameof(DecodedEncodings))]
    public async Task A_secret_in_an_encoded_body_blocks_it_even_in_redact_mode(string encoding)
    {
        using var harness = new GuardHarness(contentEncoding: encoding);
        var clean = "<p>" + new string('x', 5000);
        var encoded = EncodedBodies.Encode(encoding, clean + TestSecrets.Awkward + "</p>");

        foreach (var chunk in encoded.Chunk(7))
        {
            await harness.Body.WriteAsync(chunk);
        }

        await harness.Body.CompleteAsync();

        Assert.True(harness.Body.Blocked);
        // The clean start may have gone out (a real server would then abort); not one character of the secret did.
        var received = EncodedBodies.DecodePrefix(encoding, harness.Sent);
        Assert.True(clean.StartsWith(received, StringComparison.Ordinal), $"The client could decode: ...{received[^Math.Min(received.Length, 20)..]}");
        var entry = Assert.Single(harness.Logs.Entries, entry => entry.EventId.Id == 103);
        Assert.Contains(encoding, entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip, br")]
    [InlineData("br,gzip")]
    [InlineData("zstd")]
    [InlineData("compress")]
    public async Task An_encoding_the_guard_cannot_decode_is_refused_with_an_empty_500(string encoding)
    {
        using var harness = new GuardHarness(contentEncoding: encoding);

        await harness.Body.WriteAsync(EncodedBodies.Encode("gzip", "<p>clean</p>"));
        await harness.Body.CompleteAsync();

        AssertRefused(harness, encoding);
    }

    [Fact]
    public async Task Two_content_encoding_headers_are_a_stacked_encoding_and_refused()
    {
        using var harness = new GuardHarness(SecretGuardMode.Redact, ["gzip", "br"]);

        await harness.Body.WriteAsync(EncodedBodies.Encode("br", "<p>clean</p>"));
        await harness.Body.CompleteAsync();

        AssertRefused(harness, "gzip,br");
    }

    [Fact]
    public async Task A_body_that_does_not_decode_as_its_encoding_is_refused()
    {
        using var harness = new GuardHarness(contentEncoding: "gzip");

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>not gzip at all, and long enough to be read</p>"));
        await harness.Body.CompleteAsync();

        Assert.True(harness.Body.Blocked);
        Assert.Empty(harness.Sent);
        Assert.Equal([110, 104], harness.EventIds);
    }

    [Fact]
    public async Task Identity_is_no_encoding_and_the_body_is_masked_as_plain_text()
    {
        using var harness = new GuardHarness(contentEncoding: "identity");

        await harness.Body.WriteAsync(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain + "</p>"));
        await harness.Body.CompleteAsync();

        Assert.Equal("<p>" + new string('*', TestSecrets.Plain.Length) + "</p>", Encoding.UTF8.GetString(harness.Sent));
    }

    private static void AssertRefused(GuardHarness harness, string encoding)
    {
        Assert.True(harness.Body.Blocked);
        Assert.Empty(harness.Sent);
        Assert.Equal(StatusCodes.Status500InternalServerError, harness.Context.Response.StatusCode);
        Assert.Equal(0, harness.Context.Response.ContentLength);
        var entry = Assert.Single(harness.Logs.Entries);
        Assert.Equal(104, entry.EventId.Id);
        Assert.Contains(encoding, entry.Message, StringComparison.Ordinal);
    }
}
