using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Benchmarks;

/// <summary>
/// The guard's write path on a 100 KB HTML page fed in 4 KB and 16 KB writes, side by side with one
/// <c>Span.IndexOf(secret)</c> over the same bytes (the baseline); and prefix-heavy adversarial input. The scanner
/// alone (<see cref="SecretScanner"/> over the same writes) separates the scan from the body's copy to the inner writer,
/// and the same writes copied into the same kind of inner writer without the guard give what the guard adds.
/// Throughput is the page size over the mean time.
/// </summary>
[MemoryDiagnoser]
public class ScannerBenchmarks
{
    private const string Secret = "TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb"; // test-only
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(Secret);

    private byte[] _page = [];
    private byte[] _adversarial = [];
    private SecretPatternSet _patterns = null!;
    private SecretGuardBody _body = null!;
    private StreamResponseBodyFeature _unguarded = null!;
    private SecretScanner _scanner = null!;

    [Params(4096, 16384)]
    public int WriteSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _page = Encoding.UTF8.GetBytes(Pages.Html100K());
        _adversarial = Encoding.UTF8.GetBytes(Pages.Adversarial(_page.Length, Secret));
        _patterns = new SecretPatternSet([Secret]);
        _scanner = new SecretScanner(_patterns);
        _body = new SecretGuardBody(new DefaultHttpContext(), new StreamResponseBodyFeature(Stream.Null), _patterns, SecretGuardMode.Redact, NullLogger.Instance);
        _unguarded = new StreamResponseBodyFeature(Stream.Null);
    }

    [Benchmark(Baseline = true, Description = "Span.IndexOf(secret), whole page")]
    public int IndexOf() => _page.AsSpan().IndexOf(SecretBytes);

    [Benchmark(Description = "No guard: page in writes to the same inner writer")]
    public void UnguardedWrites()
    {
        // What the guard body does with each write, less the scan: copy it into the inner writer and flush.
        var writer = _unguarded.Writer;
        for (var offset = 0; offset < _page.Length; offset += WriteSize)
        {
            writer.Write(_page.AsSpan(offset, Math.Min(WriteSize, _page.Length - offset)));
            writer.FlushAsync().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Description = "Guard body: page in writes")]
    public void GuardWrites() => Feed(_page);

    [Benchmark(Description = "Guard body: prefix-heavy adversarial input in writes")]
    public void GuardAdversarial() => Feed(_adversarial);

    [Benchmark(Description = "Scanner alone: page in writes")]
    public int ScannerWrites() => Scan(_page);

    [Benchmark(Description = "Scanner alone: prefix-heavy adversarial input in writes")]
    public int ScannerAdversarial() => Scan(_adversarial);

    // SecretScanner.Begin/Next over each write, without the body's copy into the inner writer.
    private int Scan(byte[] bytes)
    {
        var sent = 0;
        for (var offset = 0; offset < bytes.Length; offset += WriteSize)
        {
            var write = bytes.AsSpan(offset, Math.Min(WriteSize, bytes.Length - offset));
            _scanner.Begin(write, final: false);
            while (_scanner.Next(write, out var segment))
            {
                sent += segment.Length;
            }
        }

        return sent;
    }

    private void Feed(byte[] bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += WriteSize)
        {
            _body.Write(bytes.AsSpan(offset, Math.Min(WriteSize, bytes.Length - offset)));
        }
    }
}

internal static class Pages
{
    public static string Html100K() => BigPage.Html;

    // Every few bytes a long proper prefix of the secret (raw and escaped) that then fails: the worst case for
    // the exact check behind the prefilter.
    public static string Adversarial(int length, string secret)
    {
        var text = new StringBuilder();
        var prefix = secret[..^1];
        var escaped = string.Concat(secret[..8].Select(c => $"\\u{(int)c:x4}"));
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(i % 2 == 0 ? prefix : escaped).Append(' ');
        }

        return text.ToString(0, length);
    }
}
