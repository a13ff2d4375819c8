using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WidgetIdentity.Guard.IntegrationTests;

public class SecretGuardSiteTests(GuardSiteFactory factory) : IClassFixture<GuardSiteFactory>
{
    private const string Marker = "TEST-ONLY";

    [Fact]
    public async Task A_razor_view_that_renders_the_secret_sends_a_mask()
    {
        var response = await Client().GetAsync("/");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Support widget key: ****", body);
        Assert.Contains("var key = \"****", body);
        Assert.DoesNotContain(Marker, body);
    }

    [Fact]
    public async Task A_json_api_that_serializes_the_options_stays_valid_json_without_the_secrets()
    {
        var response = await Client().GetAsync("/api/options");

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Marker, body);
        using var json = JsonDocument.Parse(body);
        Assert.Matches("^\\*+$", json.RootElement.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task The_developer_exception_page_does_not_show_the_secret_from_an_exception_message()
    {
        var response = await Client().GetAsync("/throw");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Widget call failed with key", body);
        Assert.DoesNotContain(Marker, body);
    }

    [Fact]
    public async Task A_redirect_location_and_a_cookie_lose_the_secret()
    {
        var client = Client();

        var redirect = await client.GetAsync("/redirect");
        var cookie = await client.GetAsync("/cookie");

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/login?key=****", redirect.Headers.Location!.OriginalString);
        Assert.DoesNotContain(Marker, redirect.Headers.Location.OriginalString);
        var setCookie = Assert.Single(cookie.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("widget=****", setCookie);
        Assert.DoesNotContain(Marker, setCookie);
    }

    [Fact]
    public async Task A_static_file_in_wwwroot_is_scanned_and_keeps_its_length()
    {
        var response = await Client().GetAsync("/js/leak.js");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(response.Content.Headers.ContentLength, Encoding.UTF8.GetByteCount(body));
        Assert.Contains("window.widgetKey = '****", body);
        Assert.DoesNotContain(Marker, body);
    }

    [Fact]
    public async Task A_precompressed_static_asset_holding_the_secret_is_not_sent()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/js/leak.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var received = await BlockedResponse.ReceiveAsync(Client(), request);

        Assert.True(received.IsBlocked, $"Neither an empty 500 nor aborted: {received.Status}, {received.Body.Length} bytes.");
        Assert.DoesNotContain(Marker, received.Text());
    }

    [Fact]
    public async Task A_clean_precompressed_static_asset_is_served_compressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/js/app.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.StartsWith("// A clean script", Gunzip(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_apps_response_compression_is_scanned_clean_pages_pass_and_a_leak_is_masked()
    {
        var clean = new HttpRequestMessage(HttpMethod.Get, "/compressed/clean");
        clean.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var leak = new HttpRequestMessage(HttpMethod.Get, "/compressed/page");
        leak.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var cleanResponse = await Client().SendAsync(clean);
        var leakResponse = await Client().SendAsync(leak);

        Assert.Equal("gzip", Assert.Single(cleanResponse.Content.Headers.ContentEncoding));
        Assert.StartsWith("<p>xxxx", Gunzip(await cleanResponse.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, leakResponse.StatusCode);
        var leaked = Gunzip(await leakResponse.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(Marker, leaked);
        Assert.Contains(new string('*', GuardSiteFactory.RootSecret.Length), leaked);
        Assert.EndsWith("</html>", leaked);
    }

    [Fact]
    public async Task Server_sent_events_with_a_secret_split_across_flushes_are_masked()
    {
        var response = await Client().GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal($"data: first\n\ndata: {new string('*', GuardSiteFactory.RootSecret.Length)}\n\ndata: last\n\n", body);
    }

    [Fact]
    public async Task A_flushed_server_sent_event_reaches_the_client_while_the_stream_stays_open()
    {
        using var response = await Client().GetAsync("/events/open", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var deadlockGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var received = new List<byte>();
        var buffer = new byte[64];
        while (received.Count < "data: first\n\n".Length)
        {
            var read = await stream.ReadAsync(buffer, deadlockGuard.Token); // a guard that buffered would never let this return
            Assert.NotEqual(0, read);
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        Assert.Equal("data: first\n\n", System.Text.Encoding.UTF8.GetString(received.ToArray()));
    }

    [Fact]
    public async Task A_head_request_gets_its_headers_scanned()
    {
        var response = await Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/cookie"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("widget=" + new string('*', GuardSiteFactory.RootSecret.Length), setCookie);
        Assert.DoesNotContain(Marker, setCookie);
    }

    [Fact]
    public async Task A_range_request_gets_the_whole_scanned_file_so_small_ranges_cannot_piece_the_secret_together()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/js/leak.js");
        request.Headers.Range = new RangeHeaderValue(60, 75);

        var response = await Client().SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Accept-Ranges"));
        Assert.StartsWith("// Test-only", body);
        Assert.DoesNotContain(Marker, body);
    }

    [Fact]
    public async Task Each_detection_is_one_critical_log_entry_that_names_the_path_and_never_the_secret()
    {
        // A site of its own: the class's shared site logs every other test's detections too.
        using var site = new GuardSiteFactory();

        await site.CreateClient().GetAsync("/compressed/text");

        var entry = Assert.Single(site.Logs, entry => entry.Id.Id == 100);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Critical, entry.Level);
        Assert.Contains("/compressed/text", entry.Message);
        Assert.Contains("Raw", entry.Message);
        Assert.All(site.Logs, log => Assert.DoesNotContain(Marker, log.Message));
    }

    [Fact]
    public async Task A_page_that_ends_in_the_start_of_the_secret_arrives_whole()
    {
        var body = await Client().GetStringAsync("/tail");

        Assert.Equal("<p>clean page</p>" + GuardSiteFactory.RootSecret[..12], body);
    }

    private HttpClient Client() => factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
