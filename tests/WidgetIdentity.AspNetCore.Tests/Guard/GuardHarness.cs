using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard;

/// <summary>A <see cref="SecretGuardBody"/> over <c>StreamResponseBodyFeature(new MemoryStream())</c>.</summary>
internal sealed class GuardHarness : IDisposable
{
    public static readonly SecretPatternSet Patterns = new([TestSecrets.Plain, TestSecrets.Awkward]);

    public GuardHarness(SecretGuardMode mode = SecretGuardMode.Redact, string? contentEncoding = null, CleanStaticAssets? cleanAssets = null)
        : this(mode, contentEncoding is null ? [] : [contentEncoding], cleanAssets)
    {
    }

    /// <summary>A harness whose response carries these <c>Content-Encoding</c> header values (several: a stacked encoding).</summary>
    public GuardHarness(SecretGuardMode mode, string[] contentEncodings, CleanStaticAssets? cleanAssets = null)
    {
        Context = new DefaultHttpContext();
        Context.Request.Path = "/test";
        if (contentEncodings.Length > 0)
        {
            Context.Response.Headers.ContentEncoding = contentEncodings;
        }

        Inner = new StreamResponseBodyFeature(Output);
        Body = new SecretGuardBody(Context, Inner, Patterns, mode, Logs.CreateLogger("guard")) { CleanAssets = cleanAssets };
        Feature = Body;
    }

    public DefaultHttpContext Context { get; }

    /// <summary>This harness's own log entries (never shared with another test).</summary>
    public ListLoggerProvider Logs { get; } = new();

    /// <summary>The EventIds logged so far, in order.</summary>
    public int[] EventIds => [.. Logs.Entries.Select(entry => entry.EventId.Id)];

    public MemoryStream Output { get; } = new();

    public StreamResponseBodyFeature Inner { get; }

    public SecretGuardBody Body { get; }

    public IHttpResponseBodyFeature Feature { get; }

    public byte[] Sent => Output.ToArray();

    public void Dispose() => Body.Dispose();
}
