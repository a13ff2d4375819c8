using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// Wraps the whole response body feature (Stream, Writer, StartAsync, SendFileAsync, CompleteAsync) so that every
/// byte the app sends passes the scan first. Clean bytes go straight through; only the trailing bytes that could
/// begin a secret are held back, and Flush never releases them.
/// </summary>
/// <remarks>
/// Where the app's response compression sits inside the guard, the compression stream scans the plain bytes
/// (<see cref="SecretGuardCompressionStream"/>, handed over by <see cref="HandOverToCompression"/>) and this body
/// lets the compressed bytes through. Any other body that arrives already compressed (its <c>Content-Encoding</c>
/// set by the app or a precompressed static asset) is decoded on the side and scanned; its compressed bytes are
/// sent only once what they decode to has been scanned. They cannot be masked, so a secret there blocks the
/// response in either mode. A static asset the start-up audit found clean (<see cref="CleanStaticAssets"/>), plain
/// or precompressed, is passed through without a scan, its file handed to the server's own send.
/// </remarks>
internal sealed class SecretGuardBody : Stream, IHttpResponseBodyFeature, ISecretGuardFeature
{
    private const int DecodeBufferSize = 16 * 1024;

    // Writes through the Stream are sent each (as the server's own Stream sends them); writes through the PipeWriter
    // are sent when the app flushes, or, where they go through a private buffer, once this many are waiting.
    private const int FlushThreshold = 64 * 1024;

    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly SecretPatternSet _patterns;
    private readonly SecretGuardMode _mode;
    private readonly ILogger _logger;
    private readonly SecretScanner _scanner;

    private SecretGuardPipeWriter? _writer;
    private bool _encodingChecked;
    private string? _contentEncoding;
    private ContentDecoder? _decoder;
    private ArrayBufferWriter<byte>? _heldEncoded; // encoded bytes whose decoded end could begin a secret
    private bool _passThrough; // the bytes were scanned before compression, or are a static asset the audit found clean
    private bool _auditedAsset; // a static asset the audit found clean (or its precompressed copy)
    private bool _finished;
    private bool _completed;
    private long _unflushed;

    public SecretGuardBody(HttpContext context, IHttpResponseBodyFeature inner, SecretPatternSet patterns, SecretGuardMode mode, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _inner = inner;
        _patterns = patterns;
        _mode = mode;
        _logger = logger;
        _scanner = new SecretScanner(patterns);
    }

    /// <summary>How many trailing bytes are held back because they could begin a secret.</summary>
    public int HeldBack => _scanner.HeldBack;

    /// <inheritdoc />
    public bool Blocked { get; private set; }

    /// <summary>The audit's clean static assets, which are passed through without a scan (their precompressed copies without decoding).</summary>
    internal CleanStaticAssets? CleanAssets { get; init; }

    /// <summary>The patterns this response is scanned for.</summary>
    internal SecretPatternSet Patterns => _patterns;

    Stream IHttpResponseBodyFeature.Stream => this;

    PipeWriter IHttpResponseBodyFeature.Writer => _writer ??= new SecretGuardPipeWriter(this, _inner.Writer);

    /// <summary>Bytes committed to the server since the last flush.</summary>
    internal long UnflushedBytes => _unflushed;

    /// <summary>Whether the next write can be scanned in the server's own buffer (not compressed, blocked or finished).</summary>
    internal bool CanScanInPlace
    {
        get
        {
            CheckEncoding();
            return _decoder is null && !_passThrough && !Blocked && !_finished;
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        CheckEncoding();
        return Blocked ? Task.CompletedTask : _inner.StartAsync(cancellationToken);
    }

    // Files go through the scan, never the server's own send, which would bypass it; only a static asset the start-up
    // audit found clean is handed to the server as it is.
    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        CheckEncoding();
        return _auditedAsset && !Blocked && _unflushed == 0
            ? _inner.SendFileAsync(path, offset, count, cancellationToken)
            : SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);
    }

    public async Task CompleteAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        await FinishAsync();
        await _inner.CompleteAsync();
    }

    /// <summary>Sends what the app wrote through the Writer, then the held-back bytes (which never completed a match).</summary>
    public async Task FinishAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_decoder is not null)
        {
            ScanDecoded(final: true);
            if (!Blocked)
            {
                SendHeldEncoded();
            }
        }
        else if (!Blocked)
        {
            ScanAndSend(ReadOnlySpan<byte>.Empty, final: true);
        }

        if (_unflushed > 0 && !Blocked)
        {
            _unflushed = 0;
            await _inner.Writer.FlushAsync();
        }
    }

    /// <summary>
    /// Runs as the headers are sent (the guard's callback is registered first, so it runs last): checks the
    /// encoding, drops <c>Accept-Ranges</c> (ranges are not served) and scans the headers.
    /// </summary>
    public Task OnStarting()
    {
        CheckEncoding();
        _context.Response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.AcceptRanges);
        if (!Blocked && !SecretGuardHeaders.Scan(_context, _patterns, _mode, _logger))
        {
            Block();
        }

        // A blocked response leaves as an empty 500 with Content-Length: 0, so the server refuses any body bytes.
        EnforceBlock();
        return Task.CompletedTask;
    }

    /// <summary>After the app is done: a blocked response that has not started must leave as an empty 500.</summary>
    public void EnforceBlock()
    {
        if (Blocked && !_context.Response.HasStarted)
        {
            _context.Response.Clear();
            _context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            _context.Response.ContentLength = 0;
        }
    }

    /// <summary>
    /// Commits <paramref name="region"/>, written in place in the server's buffer: the <paramref name="heldInFront"/>
    /// bytes held back from the previous write go in front (the caller reserved the room), occurrences are masked
    /// where they stand (or the response blocked), and a possible start of a secret at the end is held back again.
    /// </summary>
    internal void CommitInPlace(Span<byte> region, int heldInFront)
    {
        _scanner.MoveHeldTo(region[..heldInFront]);
        var settled = region.Length;
        var position = 0;
        while (position < region.Length)
        {
            var hit = _patterns.FindNext(region, position, final: false);
            if (hit.Kind == ScanHitKind.None)
            {
                break;
            }

            if (hit.Kind == ScanHitKind.Partial)
            {
                settled = hit.Start;
                break;
            }

            if (!MasksOrBlocks(hit.Form))
            {
                return; // blocked: nothing of this region is committed
            }

            _patterns.Mask.AsSpan(0, hit.Length).CopyTo(region[hit.Start..]);
            position = hit.Start + hit.Length;
        }

        _scanner.Hold(region[settled..]);
        _inner.Writer.Advance(settled);
        _unflushed += settled;
    }

    /// <summary>The app flushed its <see cref="PipeWriter"/>: send what was committed; held-back bytes stay held.</summary>
    internal ValueTask<FlushResult> FlushWriterAsync(CancellationToken cancellationToken)
    {
        if (Blocked)
        {
            return Done();
        }

        _unflushed = 0;
        return _inner.Writer.FlushAsync(cancellationToken);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Blocked)
        {
            return Task.CompletedTask;
        }

        _unflushed = 0;
        return _inner.Writer.FlushAsync(cancellationToken).AsTask();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // A write through the Stream is sent, as the server's own response stream sends it (Kestrel flushes each
    // write): an app that streams (Blazor's streaming rendering, server-sent events) never calls Flush.
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (BeginWrite(buffer))
        {
            ScanAndSend(buffer, final: false);
            Flush();
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var write = WriteCoreAsync(buffer, cancellationToken);
        return write.IsCompletedSuccessfully ? ValueTask.CompletedTask : AwaitFlush(write);
    }

    /// <summary>
    /// A write through the guard's <see cref="PipeWriter"/> of a whole buffer: scanned and sent as a Stream write is,
    /// the server's own flush result passed on (complete once the response is blocked).
    /// </summary>
    internal ValueTask<FlushResult> WriteFromWriterAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) =>
        WriteCoreAsync(buffer, cancellationToken);

    private ValueTask<FlushResult> WriteCoreAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!BeginWrite(buffer.Span))
        {
            return Done();
        }

        if (_decoder is not null || _passThrough)
        {
            SendEncoded(buffer.Span);
            return SendCommittedAsync(cancellationToken);
        }

        // The last clean stretch of the write is handed to the server's own WriteAsync, as the app's write would
        // have been without the guard: one chunk and one flush, copied straight into the connection's buffer.
        var last = ScanAndSendAllButLast(buffer.Span, final: false);
        if (Blocked || last.Length == 0)
        {
            return SendCommittedAsync(cancellationToken);
        }

        var rest = buffer.Slice(last.Start, last.Length);
        return _context.Response.HasStarted ? WriteThroughAsync(rest, cancellationToken) : StartThenWriteThroughAsync(rest, cancellationToken);
    }

    // Awaits the server's flush without a Task of its own (the state machine's box is pooled).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitFlush(ValueTask<FlushResult> flush) => await flush;

    // The result of a write that sent nothing more: complete once the response is blocked, so a writer stops.
    private ValueTask<FlushResult> Done() => ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: Blocked));

    /// <summary>A write through the guard's <see cref="PipeWriter"/> that could not be scanned in place: committed, not flushed.</summary>
    internal void WriteFromWriter(ReadOnlySpan<byte> buffer)
    {
        if (BeginWrite(buffer))
        {
            ScanAndSend(buffer, final: false);
            if (_unflushed >= FlushThreshold)
            {
                Flush();
            }
        }
    }

    // The scan is synchronous and the copy into the server's pipe never waits, so a write needs no async state
    // machine unless it has to flush. A compressed write was scanned by BeginWrite and is sent as it is.
    private void ScanAndSend(ReadOnlySpan<byte> buffer, bool final)
    {
        if (_decoder is not null || _passThrough)
        {
            SendEncoded(buffer);
            return;
        }

        var last = ScanAndSendAllButLast(buffer, final);
        if (last.Length > 0)
        {
            Send(buffer.Slice(last.Start, last.Length));
        }
    }

    // The scan of a write: sends each segment to send but the last, when that is clean bytes of the write itself, which
    // is returned instead (an asynchronous write hands it to the server's own WriteAsync).
    private (int Start, int Length) ScanAndSendAllButLast(ReadOnlySpan<byte> buffer, bool final)
    {
        (int Start, int Length) last = default;
        _scanner.Begin(buffer, final);
        while (!Blocked && _scanner.Next(buffer, out var segment))
        {
            if (last.Length > 0)
            {
                Send(buffer.Slice(last.Start, last.Length));
                last = default;
            }

            if (!ShouldSend(segment))
            {
                continue;
            }

            switch (segment.Kind)
            {
                case ScanSegmentKind.Input:
                    last = (segment.Offset, segment.Length);
                    break;
                case ScanSegmentKind.Tail:
                    Send(_scanner.Tail.Slice(segment.Offset, segment.Length));
                    break;
                default:
                    Send(_patterns.Mask.AsSpan(0, segment.Length));
                    break;
            }
        }

        return Blocked ? default : last;
    }

    private ValueTask<FlushResult> WriteThroughAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _unflushed = 0;
        return _inner.Writer.WriteAsync(bytes, cancellationToken);
    }

    // The response starts (its headers scanned by OnStarting) before the bytes go out, so that they are copied once,
    // into the connection's buffer, rather than into a buffer of their own until the headers are written.
    private ValueTask<FlushResult> StartThenWriteThroughAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var start = _inner.StartAsync(cancellationToken);
        if (!start.IsCompletedSuccessfully)
        {
            return AwaitStart(start, bytes, cancellationToken);
        }

        return Blocked ? Done() : WriteThroughAsync(bytes, cancellationToken);

        async ValueTask<FlushResult> AwaitStart(Task start, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            await start;
            return await (Blocked ? Done() : WriteThroughAsync(bytes, cancellationToken));
        }
    }

    // Encoded bytes go out only once everything they decode to is settled: while what they decode to ends in a
    // possible start of a secret, they wait with it (a client could decode that start from them).
    private void SendEncoded(ReadOnlySpan<byte> encoded)
    {
        if (_decoder is not null && _scanner.HeldBack > 0)
        {
            (_heldEncoded ??= new ArrayBufferWriter<byte>()).Write(encoded);
            return;
        }

        SendHeldEncoded();
        Send(encoded);
    }

    private void SendHeldEncoded()
    {
        if (_heldEncoded is { WrittenCount: > 0 } held)
        {
            Send(held.WrittenSpan);
            held.ResetWrittenCount();
        }
    }

    private void Send(ReadOnlySpan<byte> bytes)
    {
        _inner.Writer.Write(bytes);
        _unflushed += bytes.Length;
    }

    private ValueTask<FlushResult> SendCommittedAsync(CancellationToken cancellationToken)
    {
        if (Blocked || _unflushed == 0)
        {
            return Done();
        }

        _unflushed = 0;
        return _inner.Writer.FlushAsync(cancellationToken);
    }

    // False when the write must not reach the client. A compressed write is scanned here and, if clean, sent
    // by the caller unchanged (the sync path sends it itself).
    private bool BeginWrite(ReadOnlySpan<byte> buffer)
    {
        CheckEncoding();
        if (Blocked || _finished)
        {
            return false;
        }

        if (_decoder is null)
        {
            return true;
        }

        _decoder.Feed(buffer);
        ScanDecoded(final: false);
        return !Blocked;
    }

    private void ScanDecoded(bool final)
    {
        var decoded = ArrayPool<byte>.Shared.Rent(DecodeBufferSize);
        try
        {
            while (!Blocked)
            {
                var count = ReadDecoded(decoded);
                if (count == 0)
                {
                    break;
                }

                ScanOnly(decoded.AsSpan(0, count), final: false);
            }

            if (final && !Blocked)
            {
                ScanOnly(ReadOnlySpan<byte>.Empty, final: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private int ReadDecoded(byte[] destination)
    {
        try
        {
            return _decoder!.Read(destination);
        }
        catch (InvalidDataException)
        {
            SecretGuardLog.UnscannableContentEncoding(_logger, _context.Request.Path, _contentEncoding!);
            Block();
            return 0;
        }
    }

    private void ScanOnly(ReadOnlySpan<byte> decoded, bool final)
    {
        _scanner.Begin(decoded, final);
        while (_scanner.Next(decoded, out var segment))
        {
            if (segment.Kind == ScanSegmentKind.Secret)
            {
                SecretGuardDecision.BlocksCompressed(_logger, _context.Request.Path, _contentEncoding!, segment.Form);
                Block();
                return;
            }
        }
    }

    /// <summary>
    /// The app's response compression is about to compress this response: if this body has not yet seen any of it,
    /// the compression stream scans the plain bytes instead (true) and this body passes the compressed bytes through;
    /// false when this body already scans the response itself (it sits inside the compression).
    /// </summary>
    internal bool HandOverToCompression()
    {
        if (_encodingChecked || Blocked || _finished)
        {
            return false;
        }

        _passThrough = true;
        _encodingChecked = true;
        return true;
    }

    /// <summary>Whether to send a segment: logs a secret and masks it (Redact) or blocks the response (Block).</summary>
    internal bool ShouldSend(in ScanSegment segment)
    {
        if (segment.Kind != ScanSegmentKind.Secret)
        {
            return !segment.SecretFollows || SecretGuardDecision.SendsBytesBeforeSecret(_mode);
        }

        return MasksOrBlocks(segment.Form);
    }

    // True when the secret is to be masked; otherwise the response is blocked here.
    private bool MasksOrBlocks(SecretForms form)
    {
        if (SecretGuardDecision.MasksInBody(_mode, _logger, _context.Request.Path, form))
        {
            return true;
        }

        Block();
        return false;
    }

    private void CheckEncoding()
    {
        if (_encodingChecked)
        {
            return;
        }

        _encodingChecked = true;
        if (CleanAssets?.Covers(_context, _patterns) == true)
        {
            _passThrough = _auditedAsset = true;
            return;
        }

        var encoding = _context.Response.Headers.ContentEncoding;
        if (encoding.Count == 0 || (encoding.Count == 1 && string.Equals(encoding[0], "identity", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        _contentEncoding = encoding.ToString();
        _decoder = encoding.Count == 1 && !encoding[0]!.Contains(',') ? ContentDecoder.Create(encoding[0]!) : null;
        if (_decoder is not null)
        {
            SecretGuardLog.DecodingToScan(_logger, _contentEncoding, _context.Request.Path);
        }
        else
        {
            SecretGuardLog.UnscannableContentEncoding(_logger, _context.Request.Path, _contentEncoding);
            Block();
        }
    }

    private void Block()
    {
        Blocked = true;
        if (_context.Response.HasStarted)
        {
            _context.Abort();
        }
        else
        {
            EnforceBlock();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _scanner.Dispose();
            _decoder?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Marks a response the guard already covers, so a second guard in the pipeline does not scan it again.</summary>
internal interface ISecretGuardFeature
{
    /// <summary>Whether the guard blocked this response.</summary>
    bool Blocked { get; }
}
