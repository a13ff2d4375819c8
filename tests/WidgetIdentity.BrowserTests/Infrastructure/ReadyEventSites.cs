namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// The Chatku and the Chatwoot test sites, for tests that run against both Chatwoot-style vendors. Each site starts
/// only when a test first uses it.
/// </summary>
public sealed class ReadyEventSites : IAsyncLifetime
{
    /// <summary>The stand-ins' names, for a theory that runs once per vendor.</summary>
    public static TheoryData<string> Vendors => ["chatku", "chatwoot"];

    public ChatkuSite Chatku { get; } = new();

    public ChatwootSite Chatwoot { get; } = new();

    /// <summary>The site whose root widget is the vendor of the stand-in named <paramref name="vendor"/>, and that stand-in.</summary>
    public (SampleSiteFactory Site, StandInSdk Sdk) For(string vendor) => vendor switch
    {
        "chatku" => (Chatku, StandInSdk.Chatku),
        "chatwoot" => (Chatwoot, StandInSdk.Chatwoot),
        _ => throw new ArgumentException($"No test site for {vendor}.", nameof(vendor)),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Chatku.DisposeAsync();
        await Chatwoot.DisposeAsync();
    }
}
