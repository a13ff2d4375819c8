using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// A server whose start and writes need not complete at once (as Kestrel's do when the connection is busy): each
/// waits for its gate, which the test opens. Records each call as it is made.
/// </summary>
internal sealed class GatedServer : IHttpResponseBodyFeature
{
    private readonly MemoryStream _output = new();
    private readonly GatedWriter _writer;

    public GatedServer(bool gateStart = false, bool gateWrites = false)
    {
        _writer = new GatedWriter(PipeWriter.Create(_output), this);
        Context.Request.Path = "/test";
        if (!gateStart)
        {
            StartGate.SetResult();
        }

        if (!gateWrites)
        {
            WriteGate.SetResult();
        }
    }

    public DefaultHttpContext Context { get; } = new();

    public List<string> Calls { get; } = [];

    public TaskCompletionSource StartGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource WriteGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public byte[] Sent => _output.ToArray();

    /// <summary>The client has gone: writes and flushes report <see cref="FlushResult.IsCompleted"/>, as Kestrel's do then.</summary>
    public bool ClientGone { get; set; }

    public Stream Stream => throw new NotSupportedException("The guard writes through the server's PipeWriter.");

    public PipeWriter Writer => _writer;

    public SecretGuardBody Guard(SecretGuardMode mode = SecretGuardMode.Redact) =>
        new(Context, this, GuardHarness.Patterns, mode, NullLogger.Instance);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Calls.Add("start");
        await StartGate.Task;
    }

    public void DisableBuffering()
    {
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CompleteAsync()
    {
        Calls.Add("complete");
        return Task.CompletedTask;
    }

    private FlushResult Reported(FlushResult result) => ClientGone ? new FlushResult(isCanceled: false, isCompleted: true) : result;

    private sealed class GatedWriter(PipeWriter inner, GatedServer server) : PipeWriter
    {
        public override void Advance(int bytes) => inner.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            server.Calls.Add($"write {source.Length}");
            await server.WriteGate.Task;
            return server.Reported(await inner.WriteAsync(source, cancellationToken));
        }

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            server.Calls.Add("flush");
            await server.WriteGate.Task;
            return server.Reported(await inner.FlushAsync(cancellationToken));
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }
}

/// <summary>A stream that keeps what is written to it and counts its flushes.</summary>
internal sealed class CountingStream : MemoryStream
{
    public int Flushes { get; private set; }

    public override void Flush()
    {
        Flushes++;
        base.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return Task.CompletedTask; // MemoryStream's own FlushAsync calls Flush, which would count twice
    }
}

/// <summary>A guard whose block the test sets.</summary>
internal sealed class GuardState : ISecretGuardFeature
{
    public bool Blocked { get; set; }
}
