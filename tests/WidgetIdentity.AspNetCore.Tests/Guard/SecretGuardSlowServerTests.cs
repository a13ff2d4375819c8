using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// A server whose start or write does not complete at once: the app's write completes only when the server's does,
/// and the bytes go out only after the response has started.
/// </summary>
public class SecretGuardSlowServerTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<p>Shoes &amp; socks, 20% off</p>");

    [Fact]
    public async Task The_bytes_go_out_only_once_the_servers_start_has_completed()
    {
        var server = new GatedServer(gateStart: true);
        using var body = server.Guard();

        var write = body.WriteAsync(Page);
        Assert.Equal(["start"], server.Calls);
        Assert.False(write.IsCompleted);

        server.StartGate.SetResult();
        await write;

        Assert.Equal(["start", $"write {Page.Length}"], server.Calls);
        Assert.Equal(Page, server.Sent);
    }

    [Fact]
    public async Task A_stream_write_completes_only_when_the_servers_write_does()
    {
        var server = new GatedServer(gateWrites: true);
        using var body = server.Guard();

        var write = body.WriteAsync(Page);
        Assert.False(write.IsCompleted);

        server.WriteGate.SetResult();
        await write;
        Assert.Equal(Page, server.Sent);
    }

    [Fact]
    public async Task A_stream_write_ending_in_a_masked_secret_completes_only_when_the_servers_flush_does()
    {
        var server = new GatedServer(gateWrites: true);
        using var body = server.Guard();

        var write = body.WriteAsync(Encoding.UTF8.GetBytes("<p>" + TestSecrets.Plain));
        Assert.False(write.IsCompleted);

        server.WriteGate.SetResult();
        await write;
        Assert.Equal("<p>" + new string('*', TestSecrets.Plain.Length), Encoding.UTF8.GetString(server.Sent));
    }

    [Fact]
    public async Task A_whole_buffer_written_to_the_writer_completes_only_when_the_servers_write_does()
    {
        var server = new GatedServer(gateWrites: true);
        using var body = server.Guard();
        PipeWriter writer = ((IHttpResponseBodyFeature)body).Writer;

        var write = writer.WriteAsync(Page);
        Assert.False(write.IsCompleted);

        server.WriteGate.SetResult();
        var result = await write;
        Assert.False(result.IsCompleted); // the app may go on writing
        Assert.Equal(Page, server.Sent);
    }
}
