using System.Collections.Concurrent;

namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>
/// Packs the packages once per test run, then makes each template's app the first time a test asks for it (so the
/// signed-in and anonymous tests of one template share one app), one app at a time. Kills the apps and deletes the
/// temporary directory at the end.
/// </summary>
public sealed class ConsumerApps : IAsyncLifetime
{
    /// <summary>The widget secret set through <c>dotnet user-secrets</c> in every app (a test-only value).</summary>
    public static readonly string Secret = "TEST-ONLY-consumer-secret-" + Guid.NewGuid().ToString("N");

    private readonly ConcurrentDictionary<string, Lazy<Task<TemplateApp>>> _apps = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lazy<Task<string>> _siteTest;
    private Task<PackageFeed>? _feed;
    private string _readme = "";

    public ConsumerApps() => _siteTest = new(RunSiteTest);

    public Task InitializeAsync()
    {
        var repository = FindRepository();
        _readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        _feed = PackageFeed.Pack(repository);
        return Task.CompletedTask;
    }

    internal Task<TemplateApp> App(string template) =>
        _apps.GetOrAdd(template, _ => new Lazy<Task<TemplateApp>>(() => Create(template))).Value;

    /// <summary>The output of the README's site test, run in a test project of its own against the webapp app.</summary>
    internal Task<string> SiteTest() => _siteTest.Value;

    private async Task<string> RunSiteTest()
    {
        var app = await App("webapp");
        var feed = await _feed!;
        await _oneAtATime.WaitAsync();
        try
        {
            return await SiteTestProject.Run(app, feed, _readme, Secret);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<TemplateApp> Create(string template)
    {
        var feed = await _feed!;
        await _oneAtATime.WaitAsync();
        try
        {
            return await TemplateApp.Create(template, feed.Root, feed, _readme, Secret);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(app => app.IsValueCreated))
        {
            if (app.Value.IsCompletedSuccessfully)
            {
                await app.Value.Result.DisposeAsync();
            }
        }

        if (_feed is { IsCompletedSuccessfully: true })
        {
            try
            {
                Directory.Delete(_feed.Result.Root, recursive: true);
            }
            catch (IOException)
            {
                // a file still held open: the temporary directory is left for the system to clean
            }
        }

        _oneAtATime.Dispose();
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WidgetIdentity.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No WidgetIdentity.sln above {AppContext.BaseDirectory}.");
    }
}
