using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SampleSite.Data;
using WidgetIdentity.TestHosts;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// The real sample site, in Development, served by Kestrel on 127.0.0.1 (a free port), with its own SQLite database
/// in a temporary folder, the test-only pages of this assembly, the vendor stand-ins, a user resolver test pages can
/// steer (<see cref="TestPageUsers"/>), and per-test-class settings.
/// </summary>
public abstract class SampleSiteFactory : WebApplicationFactory<Program>
{
    /// <summary>The widget secret every test site signs with; the tests compute the expected hashes from it.</summary>
    public const string Secret = "browser-tests-widget-secret-7f3a9c";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("widgetidentity-browser-");
    private readonly Lazy<Uri> _baseAddress;

    protected SampleSiteFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _baseAddress = new Lazy<Uri>(Start);
    }

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:41234/</c>; starts the site on first use.</summary>
    public Uri BaseAddress => _baseAddress.Value;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>The user as stored in the site's database, by email or user name, read back through Identity.</summary>
    public async Task<SampleUser> StoredUserAsync(string login)
    {
        _ = BaseAddress;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SampleUser>>();
        return await users.FindByEmailAsync(login) ?? await users.FindByNameAsync(login)
            ?? throw new InvalidOperationException($"{login} is not a seeded demo user.");
    }

    /// <summary>Configuration over the site's appsettings, e.g. the vendor and its stand-in script.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.RemoveMachineSources().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SampleSite"] = $"Data Source={Path.Combine(_directory.FullName, "sample-site.db")}",
            ["SampleSite:SeedDemoUsers"] = "true",
            ["WidgetIdentity:Secret"] = Secret,
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(Settings)));
        builder.ConfigureTestServices(services =>
        {
            services.AddMvc().AddApplicationPart(typeof(SampleSiteFactory).Assembly);
            services.AddTransient<IStartupFilter, VendorStandIns>();
            TestPageUsers.Register(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory.FullName)) // DisposeAsync and Dispose both end here
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _directory.Delete(recursive: true);
        }
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}

/// <summary>The root widget is Ainisa, loading the Ainisa stand-in; the named <c>support</c> widget is Chatku.</summary>
public sealed class AinisaSite : SampleSiteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Vendor"] = "Ainisa",
        ["WidgetIdentity:ScriptUrl"] = VendorStandIns.Ainisa,
        ["WidgetIdentity:Preview"] = "false",
        ["WidgetIdentity:Widgets:support:Vendor"] = "Chatku",
        ["WidgetIdentity:Widgets:support:ScriptUrl"] = StandInSdk.Chatku.Script,
    };
}

/// <summary>The root widget is Chatku (ChatkuAI / Mampu AI), its user script followed by the Chatku stand-in.</summary>
public sealed class ChatkuSite : SampleSiteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Vendor"] = "Chatku",
        ["WidgetIdentity:ScriptUrl"] = StandInSdk.Chatku.Script,
        ["WidgetIdentity:Preview"] = "false",
    };
}

/// <summary>The root widget is Chatwoot, its user script followed by the Chatwoot stand-in.</summary>
public sealed class ChatwootSite : SampleSiteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Vendor"] = "Chatwoot",
        ["WidgetIdentity:ScriptUrl"] = StandInSdk.Chatwoot.Script,
        ["WidgetIdentity:Preview"] = "false",
    };
}

/// <summary>
/// Chatwoot, configured to leave out the identity of a user who has no name, email or avatar
/// (<c>WidgetIdentity:IncompleteUser</c> = <c>Anonymous</c>) instead of sending a fallback name.
/// </summary>
public sealed class ChatwootAnonymousIncompleteUserSite : SampleSiteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Vendor"] = "Chatwoot",
        ["WidgetIdentity:ScriptUrl"] = StandInSdk.Chatwoot.Script,
        ["WidgetIdentity:Preview"] = "false",
        ["WidgetIdentity:IncompleteUser"] = "Anonymous",
    };
}

/// <summary>
/// Chatwoot on a site reached as <c>app.widget.test</c>, whose SDK keeps its cookies on the parent domain
/// (<c>baseDomain</c> = <c>.widget.test</c>), with <c>WidgetIdentity:CookieDomain</c> saying so.
/// </summary>
public sealed class ParentDomainChatwootSite : SampleSiteFactory
{
    public const string Host = $"app.{ChromiumFixture.TestDomain}";
    public const string CookieDomain = $".{ChromiumFixture.TestDomain}";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Vendor"] = "Chatwoot",
        ["WidgetIdentity:ScriptUrl"] = StandInSdk.Chatwoot.ScriptWithBaseDomain(CookieDomain),
        ["WidgetIdentity:Preview"] = "false",
        ["WidgetIdentity:CookieDomain"] = CookieDomain,
    };
}

/// <summary>
/// The sample site's own Development settings, as <c>dotnet run --project sample-site</c> gives a developer: preview
/// mode (appsettings.Development.json), Ainisa's format at the root and Chatku for <c>support</c> (appsettings.json).
/// </summary>
public sealed class PreviewSite : SampleSiteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
}

/// <summary>
/// For the Blazor pages: the root widget is Chatwoot and the <c>support</c> widget (which the streaming page renders
/// after it started streaming) is Chatku, each followed by its stand-in.
/// </summary>
public sealed class BlazorSite : SampleSiteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WidgetIdentity:Vendor"] = "Chatwoot",
        ["WidgetIdentity:ScriptUrl"] = StandInSdk.Chatwoot.Script,
        ["WidgetIdentity:Preview"] = "false",
        ["WidgetIdentity:Widgets:support:ScriptUrl"] = StandInSdk.Chatku.Script,
    };
}
