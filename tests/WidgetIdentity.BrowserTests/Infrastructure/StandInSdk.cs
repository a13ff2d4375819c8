namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// A Chatwoot-style SDK stand-in (<c>StandIns/ready-event-sdk.js</c>) as the tests address it: its name in
/// <c>window.__vendors</c>, its script on the test site, its global object and ready event, and the website token
/// in its cookie names.
/// </summary>
public sealed record StandInSdk(string Name, string Script, string SdkObject, string ReadyEvent, string WebsiteToken)
{
    public const string ConversationCookie = "cw_conversation";

    public static readonly StandInSdk Chatku = new("chatku", "/_test/vendor/chatku.js", "$chatbot", "chatbot:ready", "chatkuStandInToken");

    public static readonly StandInSdk Chatwoot = new("chatwoot", "/_test/vendor/chatwoot.js", "$chatwoot", "chatwoot:ready", "chatwootStandInToken");

    /// <summary>The cookie in which the SDK keeps a hash of the last user it sent.</summary>
    public string UserCookie => $"cw_user_{WebsiteToken}";

    /// <summary>The script's URL with the SDK's option that puts its cookies on <paramref name="baseDomain"/>.</summary>
    public string ScriptWithBaseDomain(string baseDomain) => $"{Script}?baseDomain={Uri.EscapeDataString(baseDomain)}";

    /// <summary>
    /// Waits until the SDK on the current page has loaded its frame and dispatched its ready event with no reload
    /// pending, then reads what it recorded.
    /// </summary>
    public async Task<StandInRecord> SettledAsync(BrowserPage browser)
    {
        await browser.Page.WaitForFunctionAsync($"() => window.__vendors && window.__vendors.{Name} && window.__vendors.{Name}.settled");
        var record = await browser.ReadExactAsync($"window.__vendors.{Name}");
        return new StandInRecord(record ?? throw new InvalidOperationException($"The {Name} stand-in left no record."));
    }
}
