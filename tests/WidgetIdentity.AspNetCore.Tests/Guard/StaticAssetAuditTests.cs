using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Guard;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// The start-up audit of the web root: each file (compressed copies decoded) is scanned once; a secret is a Critical
/// entry naming the file (and, in Block mode, an app that does not start); a file it cannot read is a warning.
/// Each test has its own web root in a temporary folder, and its own log.
/// </summary>
public sealed class StaticAssetAuditTests : IDisposable
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("widgetidentity-audit-").FullName;

    [Theory]
    [InlineData("js/app.js.gz")]
    [InlineData("js/app.js.br")]
    public async Task A_secret_only_in_a_compressed_copy_is_found_and_the_copy_named(string compressedCopy)
    {
        Write("js/app.js", "var key = 'rotated away';"); // the raw file is clean: only the compressed copy leaks
        Write(compressedCopy, Compress(compressedCopy, $"var key = '{TestSecrets.Plain}';"));
        var (audit, logs, _) = Build("Redact");

        await audit.StartAsync(CancellationToken.None);

        var entry = Assert.Single(logs.Entries, entry => entry.EventId.Id == 105);
        Assert.Equal(LogLevel.Critical, entry.Level);
        Assert.Contains(compressedCopy, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TEST-ONLY", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_block_mode_a_secret_in_a_compressed_copy_stops_the_app_and_the_error_names_the_file()
    {
        Write("css/site.css.br", Compress(".br", $"/* {TestSecrets.Plain} */"));
        var (audit, _, _) = Build("Block");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => audit.StartAsync(CancellationToken.None));

        Assert.Contains("css/site.css.br", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Remove it from those files", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Mode is Block, so the app does not start", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TEST-ONLY", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_across_the_boundary_of_two_reads_is_found()
    {
        var filler = new string('x', (64 * 1024) - 10); // the audit reads 64 KiB at a time: the secret starts 10 bytes before the end of the first read
        Write("js/bundle.js", filler + TestSecrets.Plain);
        var (audit, logs, clean) = Build("Redact");

        await audit.StartAsync(CancellationToken.None);

        Assert.Contains("js/bundle.js", Assert.Single(logs.Entries, entry => entry.EventId.Id == 105).Message, StringComparison.Ordinal);
        Assert.Empty(clean.RecordedFiles);
    }

    [Fact]
    public async Task A_cancelled_start_up_stops_the_audit()
    {
        Write("index.html", "<p>hello</p>");
        var (audit, _, clean) = Build("Redact");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => audit.StartAsync(new CancellationToken(canceled: true)));
        Assert.Empty(clean.RecordedFiles);
    }

    [Fact]
    public async Task A_compressed_copy_that_does_not_decode_is_a_warning_and_not_recorded_as_clean()
    {
        Write("js/broken.js.gz", "this is not gzip");
        Write("js/clean.js", "var ok = 1;");
        var (audit, logs, clean) = Build("Block");

        await audit.StartAsync(CancellationToken.None); // in Block mode too: an unreadable file is not a found secret

        var entry = Assert.Single(logs.Entries, entry => entry.EventId.Id == 106);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("js/broken.js.gz", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Id == 105);
        Assert.Equal(["js/clean.js"], clean.RecordedFiles);
    }

    [Fact]
    public async Task Clean_files_and_their_compressed_copies_start_the_app_in_block_mode_without_an_entry()
    {
        Write("index.html", "<p>hello</p>");
        Write("index.html.gz", Compress(".gz", "<p>hello</p>"));
        var (audit, logs, clean) = Build("Block");

        await audit.StartAsync(CancellationToken.None);

        Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Id is 105 or 106);
        Assert.Equal(["index.html", "index.html.gz"], clean.RecordedFiles);
    }

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);

    private void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    private void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(_webRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    // A page of script in front, so the encoders code every byte (Brotli stores a short text as it is, which a scan
    // of the undecoded file would find): only decoding the copy can find the secret.
    private static byte[] Compress(string path, string text)
    {
        text = string.Concat(Enumerable.Repeat("var count = count + 1;\n", 200)) + text;
        var compressed = EncodedBodies.Encode(path.EndsWith(".br", StringComparison.Ordinal) ? "br" : "gzip", text, CompressionLevel.SmallestSize);
        Assert.True(compressed.AsSpan().IndexOf("TEST-ONLY"u8) < 0, "The compressed copy must not hold the secret's bytes as they are.");
        return compressed;
    }

    // The audit as AddWidgetIdentity registers it, over this test's web root, with the list of files it recorded as clean.
    private (IHostedService Audit, ListLoggerProvider Logs, CleanStaticAssets Clean) Build(string mode)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestSecrets.Plain,
            ["WidgetIdentity:Guard:Mode"] = mode,
        }).Build();
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IWebHostEnvironment>(new WebRoot(new PhysicalFileProvider(_webRoot)))
            .AddLogging(logging => logging.AddProvider(logs))
            .AddWidgetIdentity()
            .BuildServiceProvider();
        return (services.GetServices<IHostedService>().OfType<StaticAssetAudit>().Single(), logs, services.GetRequiredService<CleanStaticAssets>());
    }

    private sealed class WebRoot(IFileProvider files) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";

        public IFileProvider WebRootFileProvider { get; set; } = files;

        public string ApplicationName { get; set; } = "AuditTests";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "";

        public string EnvironmentName { get; set; } = "Production";
    }
}
