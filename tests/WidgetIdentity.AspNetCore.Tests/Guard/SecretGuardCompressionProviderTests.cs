using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class SecretGuardCompressionProviderTests
{
    [Fact]
    public async Task The_apps_compression_of_a_guarded_response_masks_the_plain_bytes_and_the_guard_passes_its_output_undecoded()
    {
        using var harness = new GuardHarness();
        harness.Context.Features.Set<ISecretGuardFeature>(harness.Body);
        var gzip = new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions()));
        var compression = new SecretGuardCompressionProvider(new AppProvider(gzip)).GetCompressionProvider(harness.Context)!;
        harness.Context.Response.Headers.ContentEncoding = compression.EncodingName; // as the compression middleware sets it

        await using (var stream = compression.CreateStream(harness.Feature.Stream))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain + "</p>"));
        }

        await harness.Body.CompleteAsync();

        Assert.Equal("<p>" + new string('*', TestSecrets.Plain.Length) + "</p>", EncodedBodies.DecodePrefix("gzip", harness.Sent));
        Assert.Equal([100], harness.EventIds); // masked once, by the compression stream; the guard did not decode the output
    }

    private sealed class AppProvider(ICompressionProvider provider) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context) => provider;

        public bool ShouldCompressResponse(HttpContext context) => true;

        public bool CheckRequestAcceptsCompression(HttpContext context) => true;
    }
}
