using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;

namespace WidgetIdentity.Guard;

/// <summary>
/// Decorates the app's <see cref="IResponseCompressionProvider"/> so that, where the guard sits outside the app's
/// <c>UseResponseCompression</c>, each compression stream the middleware creates scans the plain bytes before they
/// are compressed: a secret is masked (Redact) or the response blocked (Block) as in an uncompressed response, and
/// the guard outside lets the compressed bytes through without decoding them.
/// </summary>
internal sealed class SecretGuardCompressionProvider(IResponseCompressionProvider inner) : IResponseCompressionProvider
{
    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var provider = inner.GetCompressionProvider(context);
        return provider is not null && context.Features.Get<ISecretGuardFeature>() is SecretGuardBody guard
            ? new GuardedCompression(provider, guard)
            : provider;
    }

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);

    // One response's compression: the compressed output passes a gate that drops it once the guard has blocked, and,
    // unless the guard already scans this response's plain bytes itself (it sits inside the compression), the plain
    // bytes are scanned on their way into the compressor.
    private sealed class GuardedCompression(ICompressionProvider inner, SecretGuardBody guard) : ICompressionProvider
    {
        public string EncodingName => inner.EncodingName;

        public bool SupportsFlush => inner.SupportsFlush;

        public Stream CreateStream(Stream outputStream)
        {
            var compressor = inner.CreateStream(new BlockGateStream(outputStream, guard));
            return guard.HandOverToCompression() ? new SecretGuardCompressionStream(compressor, guard) : compressor;
        }
    }
}
