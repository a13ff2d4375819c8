using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticAssets;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard;

// The compressed bytes here hold a secret the "audit" did not see, so a body that decoded them would block: a body
// that sends them proves it did not decode.
public class CleanStaticAssetsTests
{
    private const string AssetPath = "js/app.js.gz";

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

    private static async Task Send(GuardHarness harness, byte[] compressed)
    {
        await harness.Body.WriteAsync(compressed);
        await harness.Body.FinishAsync();
    }

    private static CleanStaticAssets Audited(long length, SecretPatternSet patterns)
    {
        var clean = new CleanStaticAssets();
        clean.Record(patterns, [new(AssetPath, length)]);
        return clean;
    }

    private static GuardHarness Asset(byte[] compressed, CleanStaticAssets clean)
    {
        var harness = new GuardHarness(contentEncoding: "gzip", cleanAssets: clean);
        var descriptor = new StaticAssetDescriptor
        {
            Route = "js/app.js",
            AssetPath = AssetPath,
            Selectors = [],
            Properties = [],
            ResponseHeaders = [],
        };
        harness.Context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(descriptor), "js/app.js"));
        harness.Context.Response.ContentLength = compressed.Length;
        return harness;
    }

    private static byte[] Gzip(string text) => SecretGuardBodyTests.Gzip(text);
}
