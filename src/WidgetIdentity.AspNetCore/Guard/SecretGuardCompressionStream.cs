using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// Sits in front of a compression stream of the app's response compression and scans the plain bytes before they
/// are compressed, so a secret is masked in place (Redact: the page arrives whole) or the response blocked (Block),
/// exactly as in an uncompressed response. Only the trailing bytes that could begin a secret are held back, and
/// Flush never releases them; they are scanned and compressed when the compression stream is disposed.
/// </summary>
internal sealed class SecretGuardCompressionStream : WriteOnlyStream
{
    private readonly Stream _compressor;
    private readonly SecretGuardBody _guard;
    private readonly SecretScanner _scanner;
    private bool _disposed;

    public SecretGuardCompressionStream(Stream compressor, SecretGuardBody guard)
    {
        ArgumentNullException.ThrowIfNull(compressor);
        ArgumentNullException.ThrowIfNull(guard);
        _compressor = compressor;
        _guard = guard;
        _scanner = new SecretScanner(guard.Patterns);
    }

    public override void Flush()
    {
        if (!_guard.Blocked)
        {
            _compressor.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _guard.Blocked ? Task.CompletedTask : _compressor.FlushAsync(cancellationToken);

    public override void Write(ReadOnlySpan<byte> buffer) => Scan(buffer, final: false);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_guard.Blocked || _disposed)
        {
            return ValueTask.CompletedTask;
        }

        _scanner.Begin(buffer.Span, final: false);
        return SendAsync(buffer, cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (!_guard.Blocked)
        {
            _scanner.Begin(ReadOnlySpan<byte>.Empty, final: true);
            await SendAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        }

        _disposed = true;
        _scanner.Dispose();
        await _compressor.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            Scan(ReadOnlySpan<byte>.Empty, final: true);
            _disposed = true;
            _scanner.Dispose();
            _compressor.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Scan(ReadOnlySpan<byte> buffer, bool final)
    {
        if (_guard.Blocked || _disposed)
        {
            return;
        }

        _scanner.Begin(buffer, final);
        while (!_guard.Blocked && _scanner.Next(buffer, out var segment))
        {
            if (_guard.ShouldSend(segment))
            {
                _compressor.Write(segment.Kind switch
                {
                    ScanSegmentKind.Input => buffer.Slice(segment.Offset, segment.Length),
                    ScanSegmentKind.Tail => _scanner.Tail.Slice(segment.Offset, segment.Length),
                    _ => _guard.Patterns.Mask.AsSpan(0, segment.Length),
                });
            }
        }
    }

    // Each segment is compressed before the next is asked for (tail segments point into a buffer the scanner reuses).
    private async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (NextChunk(buffer, out var chunk))
        {
            await _compressor.WriteAsync(chunk, cancellationToken);
        }
    }

    private bool NextChunk(ReadOnlyMemory<byte> buffer, out ReadOnlyMemory<byte> chunk)
    {
        while (!_guard.Blocked && _scanner.Next(buffer.Span, out var segment))
        {
            if (_guard.ShouldSend(segment))
            {
                chunk = segment.Kind switch
                {
                    ScanSegmentKind.Input => buffer.Slice(segment.Offset, segment.Length),
                    ScanSegmentKind.Tail => _scanner.TailMemory.Slice(segment.Offset, segment.Length),
                    _ => _guard.Patterns.Mask.AsMemory(0, segment.Length),
                };
                return true;
            }
        }

        chunk = default;
        return false;
    }
}
