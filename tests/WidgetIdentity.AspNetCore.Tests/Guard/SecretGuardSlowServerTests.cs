using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// What the guard asks of the server: where the server's start or write does not complete at once, the app's write
/// completes only when the server's does and the bytes go out only after the response has started; no start or
/// flush the app's response would not have made without the guard.
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

    [Fact]
    public async Task A_response_without_a_body_ends_without_a_flush_so_the_server_still_sets_its_length()
    {
        var server = new GatedServer();
        using var body = server.Guard();

        await body.FinishAsync();

        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task A_clean_write_to_a_started_response_goes_straight_to_the_servers_write()
    {
        var server = new GatedServer();
        server.Context.Features.Set<IHttpResponseFeature>(new StartedResponse());
        using var body = server.Guard();

        await body.WriteAsync(Page);

        Assert.Equal([$"write {Page.Length}"], server.Calls);
    }

    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
