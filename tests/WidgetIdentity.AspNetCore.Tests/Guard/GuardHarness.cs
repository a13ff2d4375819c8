using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard;

/// <summary>A <see cref="SecretGuardBody"/> over <c>StreamResponseBodyFeature(new MemoryStream())</c>.</summary>
internal sealed class GuardHarness : IDisposable
{
    public static readonly SecretPatternSet Patterns = new([TestSecrets.Plain, TestSecrets.Awkward]);

    public GuardHarness(SecretGuardMode mode = SecretGuardMode.Redact, string? contentEncoding = null, CleanStaticAssets? cleanAssets = null)
    {
        Context = new DefaultHttpContext();
        Context.Request.Path = "/test";
        if (contentEncoding is not null)
        {
            Context.Response.Headers.ContentEncoding = contentEncoding;
        }

        Inner = new StreamResponseBodyFeature(Output);
        Body = new SecretGuardBody(Context, Inner, Patterns, mode, NullLogger.Instance) { CleanAssets = cleanAssets };
        Feature = Body;
    }

    public DefaultHttpContext Context { get; }

    public MemoryStream Output { get; } = new();

    public StreamResponseBodyFeature Inner { get; }

    public SecretGuardBody Body { get; }

    public IHttpResponseBodyFeature Feature { get; }

    public byte[] Sent => Output.ToArray();

    public void Dispose() => Body.Dispose();
}
