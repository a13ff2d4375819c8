namespace WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

/// <summary>
/// One test site for each vendor with a stand-in, shared by every test of the Chromium collection; each site starts
/// only when a test first uses it.
/// </summary>
public sealed class VendorSites : IAsyncLifetime
{
    public IntercomSite Intercom { get; } = new();

    public CrispSite Crisp { get; } = new();

    public HelpScoutSite HelpScout { get; } = new();

    public FrontChatSite FrontChat { get; } = new();

    public GleapSite Gleap { get; } = new();

    public ChatbaseSite Chatbase { get; } = new();

    public ZendeskSite Zendesk { get; } = new();

    public FeaturebaseSite Featurebase { get; } = new();

    public PlainSite Plain { get; } = new();

    private IEnumerable<VendorSite> All => [Intercom, Crisp, HelpScout, FrontChat, Gleap, Chatbase, Zendesk, Featurebase, Plain];

    /// <summary>The site whose stand-in is named <paramref name="standIn"/> (e.g. <c>intercom</c>).</summary>
    public VendorSite For(string standIn) => All.Single(site => site.StandIn == standIn);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var site in All)
        {
            await site.DisposeAsync();
        }
    }
}
