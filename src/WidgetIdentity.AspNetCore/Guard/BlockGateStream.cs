namespace WidgetIdentity.Guard;

/// <summary>
/// The output of a compression stream: passes the compressed bytes on until the guard blocks the response, then
/// drops them, so the compressor's remaining output (its footer when it is disposed) never follows a blocked response.
/// </summary>
internal sealed class BlockGateStream(Stream inner, ISecretGuardFeature guard) : WriteOnlyStream
{
    public override void Flush()
    {
        if (!guard.Blocked)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        guard.Blocked ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!guard.Blocked)
        {
            inner.Write(buffer);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        guard.Blocked ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);
}
