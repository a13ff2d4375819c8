using Microsoft.Playwright;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// Launches Debian's Chromium once for every browser test. When it is missing, every browser test fails with a
/// message that says how to install it: the tests never skip silently, and never ask Playwright to download a browser.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>A domain whose every host name the browser resolves to 127.0.0.1, so a site can be reached on a host name with a parent domain.</summary>
    public const string TestDomain = "widget.test";

    private const string DefaultChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromiumPath;

    public async Task InitializeAsync()
    {
        var path = ChromiumPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {path}, so the browser tests cannot run. "
                + "Install it with `sudo apt-get install -y chromium` (build/test.sh does this), "
                + "or set CHROMIUM_PATH to a Chromium or Chrome executable.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--host-resolver-rules=MAP *.{TestDomain} 127.0.0.1",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// The browser tests share one Chromium, and the vendor test sites, and run one after another (the machine has two cores).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<VendorSites.VendorSites>
{
    public const string Name = "Chromium";
}
