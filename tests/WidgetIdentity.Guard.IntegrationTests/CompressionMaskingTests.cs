using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace WidgetIdentity.Guard.IntegrationTests;

/// <summary>
/// The app's own <c>UseResponseCompression</c>, outside the guard (the default placement, or <c>UseWidgetIdentity()</c>
/// before it) and inside it (<c>UseWidgetIdentity()</c> after it): a secret is masked and the page arrives whole.
/// </summary>
public class CompressionMaskingTests
{
    private const string Marker = "TEST-ONLY";

    public static TheoryData<string, string> Placements => new()
    {
        { "Default", "gzip" },
        { "Default", "br" },
        { "ExplicitBefore", "gzip" },
        { "Inside", "br" },
        { "Inside", "gzip" },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task In_redact_mode_a_compressed_page_with_the_secret_arrives_whole_and_masked(string placement, string encoding)
    {
        using var factory = Site(placement, "Redact");
        var client = factory.CreateClient();
        var page = await client.GetStringAsync("/big");

        var response = await client.SendAsync(Get("/compressed/page", encoding));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var body = Decode(await response.Content.ReadAsByteArrayAsync(), encoding);
        Assert.Equal(page + new string('*', GuardSiteFactory.RootSecret.Length) + page, body);
        Assert.Single(factory.Logs, entry => entry.Id.Id == 100 && entry.Message.Contains("/compressed/page"));
        Assert.DoesNotContain(factory.Logs, entry => entry.Id.Id is 101 or 103 or 104);
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task A_clean_compressed_page_is_unchanged(string placement, string encoding)
    {
        using var factory = Site(placement, "Redact");

        var response = await factory.CreateClient().SendAsync(Get("/compressed/clean", encoding));

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("<p>" + new string('x', 4000) + "</p>", Decode(await response.Content.ReadAsByteArrayAsync(), encoding));
        Assert.DoesNotContain(factory.Logs, entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error && entry.Id.Id != 105); // 105: js/leak.js
    }

    [Theory]
    [InlineData("Default", "gzip", "/compressed/text")]
    [InlineData("Default", "br", "/compressed/page?flush=true")]
    [InlineData("ExplicitBefore", "br", "/compressed/text")]
    [InlineData("Inside", "gzip", "/compressed/text")]
    [InlineData("Inside", "br", "/compressed/page?flush=true")]
    public async Task In_block_mode_a_compressed_response_with_the_secret_is_blocked(string placement, string encoding, string path)
    {
        using var factory = Site(placement, "Block");

        var received = await BlockedResponse.ReceiveAsync(factory.CreateClient(), Get(path, encoding));

        Assert.True(received.IsBlocked, $"Neither an empty 500 nor aborted: {received.Status}, {received.Body.Length} bytes.");
        Assert.DoesNotContain(Marker, received.Text());
        Assert.Contains(factory.Logs, entry => entry.Id.Id == 101);
    }

    [Theory]
    [InlineData("Default", "gzip")]
    [InlineData("ExplicitBefore", "br")]
    [InlineData("Inside", "gzip")]
    public async Task In_block_mode_an_unstarted_compressed_response_with_the_secret_is_an_empty_500(string placement, string encoding)
    {
        using var factory = Site(placement, "Block");

        var response = await factory.CreateClient().SendAsync(Get("/compressed/body", encoding));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Single(factory.Logs, entry => entry.Id.Id == 101);
    }

    private static GuardSiteFactory Site(string placement, string mode)
    {
        var settings = new Dictionary<string, string?> { ["WidgetIdentity:Guard:Mode"] = mode };
        if (mode == "Block")
        {
            settings["Site:NoStartupAudit"] = "true";
        }

        switch (placement)
        {
            case "ExplicitBefore":
                settings["Site:ExplicitGuard"] = "true";
                break;
            case "Inside":
                settings["Site:GuardInsideCompression"] = "true";
                break;
        }

        return GuardSiteFactory.With(settings);
    }

    private static HttpRequestMessage Get(string path, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return request;
    }

    private static string Decode(byte[] bytes, string encoding)
    {
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
