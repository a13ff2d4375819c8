using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard;

// The assets here hold a secret the "audit" did not see, so a body that scanned them would block or mask it: a body that
// sends them as they are proves it did not scan them.
public class CleanStaticAssetsTests
{
    private const string AssetPath = "js/app.js.gz";
    private const string PlainAssetPath = "js/app.js";

    [Fact]
    public async Task A_precompressed_asset_the_audit_found_clean_is_sent_without_decoding()
    {
        var compressed = Gzip($"var key = '{TestSecrets.Plain}';");
        using var harness = Asset(compressed, Audited(compressed.Length, GuardHarness.Patterns));

        await Send(harness, compressed);

        Assert.False(harness.Body.Blocked);
        Assert.Equal(compressed, harness.Sent);
    }

    [Fact]
    public async Task An_asset_of_another_length_than_the_audited_file_is_decoded()
    {
        var compressed = Gzip($"var key = '{TestSecrets.Plain}';");
        using var harness = Asset(compressed, Audited(compressed.Length + 1, GuardHarness.Patterns));

        await Send(harness, compressed);

        Assert.True(harness.Body.Blocked);
    }

    [Fact]
    public async Task An_audit_with_other_patterns_does_not_count_after_a_configuration_change()
    {
        var compressed = Gzip($"var key = '{TestSecrets.Plain}';");
        using var harness = Asset(compressed, Audited(compressed.Length, new SecretPatternSet([TestSecrets.Plain])));

        await Send(harness, compressed);

        Assert.True(harness.Body.Blocked);
    }

    [Fact]
    public async Task A_compressed_response_of_another_endpoint_is_decoded()
    {
        var compressed = Gzip($"var key = '{TestSecrets.Plain}';");
        using var harness = new GuardHarness(contentEncoding: "gzip", cleanAssets: Audited(compressed.Length, GuardHarness.Patterns));
        harness.Context.Response.ContentLength = compressed.Length;

        await Send(harness, compressed);

        Assert.True(harness.Body.Blocked);
    }

    [Fact]
    public async Task A_plain_asset_the_audit_found_clean_is_sent_as_it_is_without_a_scan()
    {
        var file = Encoding.UTF8.GetBytes($"var key = '{TestSecrets.Plain}';");
        using var harness = PlainAsset(file, Audited(PlainAssetPath, file.Length, GuardHarness.Patterns));

        var sent = await SendFile(harness, file);

        Assert.Equal(file, sent);
    }

    [Fact]
    public async Task A_plain_asset_of_another_length_than_the_audited_file_is_scanned()
    {
        var file = Encoding.UTF8.GetBytes($"var key = '{TestSecrets.Plain}';");
        using var harness = PlainAsset(file, Audited(PlainAssetPath, file.Length - 1, GuardHarness.Patterns));

        var sent = await SendFile(harness, file);

        Assert.Equal($"var key = '{new string('*', TestSecrets.Plain.Length)}';", Encoding.UTF8.GetString(sent));
    }

    [Fact]
    public async Task A_plain_asset_after_a_configuration_change_is_scanned()
    {
        var file = Encoding.UTF8.GetBytes($"var key = '{TestSecrets.Plain}';");
        using var harness = PlainAsset(file, Audited(PlainAssetPath, file.Length, new SecretPatternSet([TestSecrets.Plain])));

        var sent = await SendFile(harness, file);

        Assert.Equal($"var key = '{new string('*', TestSecrets.Plain.Length)}';", Encoding.UTF8.GetString(sent));
    }

    [Fact]
    public async Task A_plain_asset_without_a_content_length_is_sent_without_a_scan_when_its_endpoint_declares_the_audited_length()
    {
        var file = Encoding.UTF8.GetBytes($"var key = '{TestSecrets.Plain}';");
        using var harness = PlainAsset(Audited(PlainAssetPath, file.Length, GuardHarness.Patterns), contentLength: null, declared: file.Length);

        var sent = await SendFile(harness, file);

        Assert.Equal(file, sent);
    }

    [Theory]
    [InlineData(null, -1)] // no Content-Length, another length declared
    [InlineData(-1, 0)] // another Content-Length, the audited length declared
    public async Task A_plain_asset_whose_length_is_not_the_audited_one_is_scanned(int? contentLengthOffset, int declaredOffset)
    {
        var file = Encoding.UTF8.GetBytes($"var key = '{TestSecrets.Plain}';");
        using var harness = PlainAsset(
            Audited(PlainAssetPath, file.Length, GuardHarness.Patterns), file.Length + contentLengthOffset, file.Length + declaredOffset);

        var sent = await SendFile(harness, file);

        Assert.Equal($"var key = '{new string('*', TestSecrets.Plain.Length)}';", Encoding.UTF8.GetString(sent));
    }

    [Fact]
    public async Task A_plain_asset_the_audit_found_clean_goes_to_the_servers_own_file_send()
    {
        const string path = "/srv/app/wwwroot/js/app.js";
        var context = new DefaultHttpContext();
        SetAssetEndpoint(context, PlainAssetPath);
        context.Response.ContentLength = 1234;
        var server = new FileSendRecorder();
        using var body = new SecretGuardBody(context, server, GuardHarness.Patterns, SecretGuardMode.Redact, NullLogger.Instance)
        {
            CleanAssets = Audited(PlainAssetPath, 1234, GuardHarness.Patterns),
        };

        await body.SendFileAsync(path, 0, 1234);

        Assert.Equal([(path, 0L, (long?)1234)], server.FilesSent); // the server's zero-copy send, not a read through the scan
    }

    [Fact]
    public async Task A_clean_asset_sent_after_bytes_the_app_has_not_flushed_keeps_its_place_behind_them()
    {
        var file = Encoding.UTF8.GetBytes("var answer = 42;");
        using var harness = PlainAsset(file, Audited(PlainAssetPath, file.Length, GuardHarness.Patterns));
        var banner = Encoding.UTF8.GetBytes("/* banner */");
        banner.CopyTo(harness.Feature.Writer.GetSpan(banner.Length));
        harness.Feature.Writer.Advance(banner.Length);

        var sent = await SendFile(harness, file);

        Assert.Equal("/* banner */var answer = 42;", Encoding.UTF8.GetString(sent));
    }

    [Fact]
    public void Before_any_audit_no_file_is_recorded_as_clean()
    {
        Assert.Empty(new CleanStaticAssets().RecordedFiles);
    }

    private static async Task<byte[]> SendFile(GuardHarness harness, byte[] file)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, file);
            await harness.Body.SendFileAsync(path, 0, null);
            await harness.Body.CompleteAsync();
            return harness.Sent;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static GuardHarness PlainAsset(byte[] file, CleanStaticAssets clean) => PlainAsset(clean, file.Length, declared: null);

    // A plain asset whose response carries contentLength and whose endpoint declares the length declared (from the build manifest).
    private static GuardHarness PlainAsset(CleanStaticAssets clean, long? contentLength, long? declared)
    {
        var harness = new GuardHarness(cleanAssets: clean);
        SetAssetEndpoint(harness, PlainAssetPath, declared is { } length ? [new StaticAssetResponseHeader("Content-Length", length.ToString(CultureInfo.InvariantCulture))] : []);
        harness.Context.Response.ContentLength = contentLength;
        return harness;
    }

    private static async Task Send(GuardHarness harness, byte[] compressed)
    {
        await harness.Body.WriteAsync(compressed);
        await harness.Body.FinishAsync();
    }

    private static CleanStaticAssets Audited(long length, SecretPatternSet patterns) => Audited(AssetPath, length, patterns);

    private static CleanStaticAssets Audited(string path, long length, SecretPatternSet patterns)
    {
        var clean = new CleanStaticAssets();
        clean.Record(patterns, [new(path, length)]);
        return clean;
    }

    private static GuardHarness Asset(byte[] compressed, CleanStaticAssets clean)
    {
        var harness = new GuardHarness(contentEncoding: "gzip", cleanAssets: clean);
        SetAssetEndpoint(harness, AssetPath);
        harness.Context.Response.ContentLength = compressed.Length;
        return harness;
    }

    private static void SetAssetEndpoint(GuardHarness harness, string assetPath, StaticAssetResponseHeader[]? responseHeaders = null) =>
        SetAssetEndpoint(harness.Context, assetPath, responseHeaders);

    private static void SetAssetEndpoint(HttpContext context, string assetPath, StaticAssetResponseHeader[]? responseHeaders = null)
    {
        var descriptor = new StaticAssetDescriptor
        {
            Route = "js/app.js",
            AssetPath = assetPath,
            Selectors = [],
            Properties = [],
            ResponseHeaders = responseHeaders ?? [],
        };
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(descriptor), "js/app.js"));
    }

    private static byte[] Gzip(string text) => SecretGuardBodyTests.Gzip(text);

    /// <summary>A server whose own file send only records what it was asked to send.</summary>
    private sealed class FileSendRecorder() : StreamResponseBodyFeature(Stream.Null)
    {
        public List<(string Path, long Offset, long? Count)> FilesSent { get; } = [];

        public override Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            FilesSent.Add((path, offset, count));
            return Task.CompletedTask;
        }
    }
}
