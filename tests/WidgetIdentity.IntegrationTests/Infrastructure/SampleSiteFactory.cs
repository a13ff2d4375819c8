using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WidgetIdentity.TestHosts;

namespace WidgetIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// Hosts the real sample site (its compiled Razor views, Identity and SQLite) in memory, with its own database
/// file, the test secret and any other settings a test gives. One factory per test: hosts never share state.
/// </summary>
public sealed class SampleSiteFactory : WebApplicationFactory<Program>
{
    /// <summary>The widget secret of every test host unless a test says otherwise.</summary>
    public const string Secret = "integration-test-secret-4d1f0b7e9a";

    private readonly string _environment;
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"widgetidentity-it-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;

    /// <param name="vendor">WidgetIdentity:Vendor.</param>
    /// <param name="environment">The hosting environment; Development loads the sample's appsettings.Development.json.</param>
    /// <param name="secret">WidgetIdentity:Secret; <see langword="null"/> leaves the site's own configuration files alone (never the machine's environment or user-secrets).</param>
    public SampleSiteFactory(string vendor = "Ainisa", string environment = "Development", string? secret = Secret)
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SampleSite"] = $"Data Source={_databasePath}",
            ["SampleSite:SeedDemoUsers"] = "true",
            ["WidgetIdentity:Vendor"] = vendor,

            // The sample's Development settings turn the preview widget on; these tests check the vendors' own scripts.
            ["WidgetIdentity:Preview"] = "false",
        };
        if (secret is not null)
        {
            _settings["WidgetIdentity:Secret"] = secret;
        }
    }

    /// <summary>Sets one more configuration value; call before the first request.</summary>
    public SampleSiteFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.RemoveMachineSources().AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDatabase();
    }

    private void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A temp file left behind does not change any result.
            }
        }
    }
}
