using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>
/// An app made by <c>dotnet new &lt;template&gt;</c>, set up by the README's quick start and its test user, built with
/// <c>-warnaserror</c> and running on 127.0.0.1 in Development.
/// </summary>
internal sealed class TemplateApp : IAsyncDisposable
{
    public const string TestUserHeader = "X-Test-User";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TemplateApp(string template, Process process, Uri address, string setupLog)
    {
        Template = template;
        _process = process;
        Address = address;
        SetupLog = setupLog;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Template { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Each command run and file edited to make the app, with the commands' output.</summary>
    public string SetupLog { get; }

    /// <summary>What the running app has written to its console so far.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>GETs <paramref name="path"/>, as <paramref name="userId"/> (the README's test user) or anonymously.</summary>
    public async Task<string> Get(string path, string? userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (userId is not null)
        {
            request.Headers.Add(TestUserHeader, userId);
        }

        using var response = await Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} as {userId ?? "anonymous"}: {(int)response.StatusCode}\n{html}\n{Describe()}");
        return html;
    }

    /// <summary>The setup log and the app's console output, for a failure message.</summary>
    public string Describe() => $"--- {Template}: setup ---\n{SetupLog}\n--- {Template}: app output ---\n{Output}";

    /// <summary>Makes, sets up, builds and starts an app from <paramref name="template"/> in a new folder under <paramref name="root"/>.</summary>
    public static async Task<TemplateApp> Create(string template, string root, PackageFeed feed, string readme, string secret)
    {
        var name = template switch { "webapp" => "WebApp", "mvc" => "MvcApp", "blazor" => "BlazorApp", _ => "App" };
        var log = new StringBuilder();
        var dotnet = new Dotnet(feed.NuGetPackages, Path.Combine(root, "appdata"), log);
        var directory = Path.Combine(root, name);

        await dotnet.Run(root, "new", template, "--output", name);
        foreach (var step in ReadmeQuickStart.Install(readme).Concat(ReadmeQuickStart.TestUser(readme)))
        {
            switch (step)
            {
                case CommandStep command:
                    await dotnet.Run(directory, ForThisRun(command, feed, secret));
                    break;
                case FileStep file:
                    log.AppendLine(QuickStartEdits.Apply(directory, file));
                    break;
            }
        }

        await dotnet.Run(directory, "build", "-warnaserror");

        var port = FreePort();
        var process = dotnet.Start(directory, [Path.Combine("bin", "Debug", "net10.0", name + ".dll"), "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["TestAuthentication"] = "true" });
        var app = new TemplateApp(template, process, new Uri($"http://127.0.0.1:{port}/"), log.ToString());
        try
        {
            await app.WaitUntilListening();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>
    /// A README command as this run runs it: the package at the version just packed (the README leaves the version to
    /// NuGet), and the secret for the placeholder <c>&lt;...&gt;</c>. Only <c>dotnet</c> commands are expected.
    /// </summary>
    internal static string[] ForThisRun(CommandStep command, PackageFeed feed, string secret)
    {
        if (command.Words is not ["dotnet", ..])
        {
            throw new InvalidOperationException($"The README's quick start runs a command the test does not know: {command.Line}");
        }

        var words = command.Words.Skip(1).Select(word => word.StartsWith('<') && word.EndsWith('>') ? secret : word).ToList();
        if (words is ["add", "package", var package] && package.StartsWith("WidgetIdentity.", StringComparison.Ordinal))
        {
            words.AddRange(["--version", feed.Version]);
        }

        return [.. words];
    }

    private async Task WaitUntilListening()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The {Template} app exited with {_process.ExitCode} before it listened.\n{Describe()}");
            }

            try
            {
                using var response = await Client.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"The {Template} app did not answer on {Address} within 60 s.\n{Describe()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
