using System.Buffers;
using System.IO.Pipelines;

namespace WidgetIdentity.Guard;

/// <summary>
/// The guarded response's <see cref="PipeWriter"/>: the app writes straight into the server's own buffer, and
/// each <see cref="Advance"/> is scanned there, in place, before it is committed. Room for the bytes held back
/// from the previous write (a possible start of a secret) is kept in front, so they and the new bytes are
/// scanned as one. No copy is added to what the server does without the guard.
/// </summary>
/// <remarks>
/// While the body cannot be scanned in place (a compressed response, a blocked or finished one) writes go
/// through a private buffer to the body's <see cref="System.IO.Stream"/> path instead.
/// </remarks>
internal sealed class SecretGuardPipeWriter(SecretGuardBody body, PipeWriter inner) : PipeWriter
{
    private Memory<byte> _serverMemory;   // the server's memory last handed out, held bytes in front
    private int _heldInFront = -1;        // held bytes reserved in front of _serverMemory; -1: _privateBuffer was handed out
    private byte[]? _privateBuffer;

    // System.Text.Json's SerializeAsync(PipeWriter) decides when to flush from these.
    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => body.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => Acquire(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => Acquire(sizeHint).Span;

    public override void Advance(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (_heldInFront < 0)
        {
            if (bytes > 0)
            {
                body.WriteFromWriter(_privateBuffer.AsSpan(0, bytes));
            }

            return;
        }

        if (bytes > _serverMemory.Length - _heldInFront)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), "Advanced past the memory that was handed out.");
        }

        if (body.HeldBack != _heldInFront)
        {
            throw new InvalidOperationException("The response body was written through its Stream between GetMemory and Advance of its PipeWriter.");
        }

        body.CommitInPlace(_serverMemory.Span[..(_heldInFront + bytes)], _heldInFront);
        _serverMemory = default;
        _heldInFront = -1;
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        body.FlushWriterAsync(cancellationToken);

    // A whole buffer needs no memory of the server's handed out: it is scanned where it is and sent with the
    // server's own WriteAsync, as the app's write would have been without the guard.
    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        body.WriteFromWriterAsync(source, cancellationToken);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => CompleteAsync(exception).AsTask().GetAwaiter().GetResult();

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        await body.FinishAsync();
        ReturnPrivateBuffer();
    }

    private Memory<byte> Acquire(int sizeHint)
    {
        if (body.CanScanInPlace)
        {
            _heldInFront = body.HeldBack;
            _serverMemory = inner.GetMemory(_heldInFront + Math.Max(sizeHint, 1));
            return _serverMemory[_heldInFront..];
        }

        _heldInFront = -1;
        if (_privateBuffer is null || _privateBuffer.Length < sizeHint)
        {
            ReturnPrivateBuffer();
            _privateBuffer = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, 4096));
        }

        return _privateBuffer;
    }

    private void ReturnPrivateBuffer()
    {
        if (_privateBuffer is { } buffer)
        {
            _privateBuffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
