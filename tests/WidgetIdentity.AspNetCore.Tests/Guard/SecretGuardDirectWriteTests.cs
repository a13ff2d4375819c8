using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// A clean write costs the server what it costs without the guard: the app's bytes reach the server's own
/// <c>WriteAsync</c> in one call (one chunk, one flush), after the response has started, so the server copies them
/// once into the connection instead of into a buffer of their own until the headers are written.
/// </summary>
public class SecretGuardDirectWriteTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Shoes &amp; socks, 20% off</p>\n", 500)));

    [Fact]
    public async Task A_clean_stream_write_reaches_the_server_as_one_write_after_the_response_started()
    {
        var server = new RecordingServer();
        using var body = server.Guard();

        await body.WriteAsync(Page);

        Assert.Equal(["start", $"write {Page.Length}"], server.Calls);
        Assert.Equal(Page, server.Sent);
    }

    [Fact]
    public async Task A_whole_buffer_written_to_the_guards_writer_reaches_the_server_as_one_write()
    {
        var server = new RecordingServer();
        using var body = server.Guard();

        await ((IHttpResponseBodyFeature)body).Writer.WriteAsync(Page);

        Assert.Equal(["start", $"write {Page.Length}"], server.Calls);
        Assert.Equal(Page, server.Sent);
    }

    [Fact]
    public async Task Bytes_held_back_from_the_previous_write_are_sent_before_the_next_one_and_a_secret_is_masked()
    {
        var server = new RecordingServer();
        using var body = server.Guard();
        var text = Encoding.UTF8.GetBytes($"<p>{TestSecrets.Plain}</p><p>after</p>");

        await body.WriteAsync(text.AsMemory(0, 10)); // ends inside the secret: held back
        await body.WriteAsync(text.AsMemory(10));
        await body.FinishAsync();

        Assert.Equal($"<p>{new string('*', TestSecrets.Plain.Length)}</p><p>after</p>", Encoding.UTF8.GetString(server.Sent));
    }

    [Fact]
    public async Task A_secret_in_a_header_blocks_before_any_byte_of_the_write_is_sent()
    {
        var server = new RecordingServer();
        using var body = server.Guard(SecretGuardMode.Block);
        server.Context.Response.Headers["X-Debug"] = TestSecrets.Plain;

        await body.WriteAsync(Page);

        Assert.True(body.Blocked);
        Assert.Empty(server.Sent);
        Assert.Equal(StatusCodes.Status500InternalServerError, server.Context.Response.StatusCode);
    }

    // The server side of a response: records StartAsync (which runs the OnStarting callbacks, as a server's does)
    // and each WriteAsync of its writer.
    private sealed class RecordingServer : IHttpResponseBodyFeature
    {
        private readonly MemoryStream _output = new();
        private readonly RecordingWriter _writer;
        private Func<Task>? _onStarting;
        private bool _started;

        public RecordingServer()
        {
            _writer = new RecordingWriter(PipeWriter.Create(_output), Calls);
            Context.Request.Path = "/test";
        }

        public DefaultHttpContext Context { get; } = new();

        public List<string> Calls { get; } = [];

        public byte[] Sent => _output.ToArray();

        public Stream Stream => throw new NotSupportedException("The guard writes through the server's PipeWriter.");

        public PipeWriter Writer => _writer;

        public SecretGuardBody Guard(SecretGuardMode mode = SecretGuardMode.Redact)
        {
            var body = new SecretGuardBody(Context, this, GuardHarness.Patterns, mode, NullLogger.Instance);
            _onStarting = body.OnStarting;
            return body;
        }

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            if (!_started)
            {
                Calls.Add("start");
                await _onStarting!();
                _started = true;
            }
        }

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => _writer.CompleteAsync().AsTask();
    }

    private sealed class RecordingWriter(PipeWriter inner, List<string> calls) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            calls.Add($"advance {bytes}");
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            calls.Add($"write {source.Length}");
            return inner.WriteAsync(source, cancellationToken);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }
}
