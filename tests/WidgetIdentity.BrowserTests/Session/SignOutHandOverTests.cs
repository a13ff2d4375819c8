using Microsoft.Playwright;
using SampleSite.Data;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Session;

/// <summary>
/// One browser, two people: Jane signs in and chats, signs out with the header button (Identity's sign-out), and Bob
/// signs in. The Chatwoot-style widget (a stand-in SDK that keeps its session in cookies, as the real one does) must
/// never show Bob Jane's conversation, and nothing of Jane's may travel after her sign-out.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class SignOutHandOverTests(ChromiumFixture chromium, ReadyEventSites sites) : IClassFixture<ReadyEventSites>
{
    [Theory]
    [MemberData(nameof(ReadyEventSites.Vendors), MemberType = typeof(ReadyEventSites))]
    public async Task After_sign_out_the_next_user_gets_a_fresh_widget_session_and_nothing_of_the_previous_user_travels(string vendor)
    {
        var (site, sdk) = sites.For(vendor);
        var jane = await site.StoredUserAsync("jane@example.com");
        var bob = await site.StoredUserAsync("bob@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        var janeConversation = await JaneLogsInAsync(browser, sdk);
        var janeCookies = await SdkCookiesAsync(browser, sdk);
        Assert.Equal(janeConversation, janeCookies[StandInSdk.ConversationCookie]);
        var requestsBefore = browser.Requests.Count;

        var signOut = await browser.LogOutAsync();
        var signedOut = await sdk.SettledAsync(browser);
        var signedOutPage = await browser.Page.ContentAsync();
        await browser.LogInAsync(bob.Email!);
        var bobWidget = await sdk.SettledAsync(browser);

        // The sign-out response itself deletes the SDK's cookies: the next page's frame, which loads before any call of
        // that page's own script, already carries no conversation.
        var deletions = await CookieDeletions.InAsync(signOut);
        Assert.Contains((StandInSdk.ConversationCookie, null, "/"), deletions);
        Assert.Contains((sdk.UserCookie, null, "/"), deletions);
        Assert.Null(signedOut.Loads[0].Carried);
        Assert.Equal((1, 0), (signedOut.Resets, signedOut.Users.Count));

        // Bob's widget: told about Bob only, in a conversation that is not Jane's.
        var bobUser = Assert.Single(bobWidget.Users);
        Assert.Equal(bob.Id, bobUser.Identifier);
        Assert.NotEqual(janeConversation, bobUser.Conversation);
        Assert.DoesNotContain(bobWidget.Loads, load => load.Token == janeConversation);
        var bobCookies = await SdkCookiesAsync(browser, sdk);
        Assert.NotEqual(janeConversation, bobCookies[StandInSdk.ConversationCookie]);
        Assert.NotEqual(janeCookies[sdk.UserCookie], bobCookies[sdk.UserCookie]);

        // In order, across the page loads: Jane set, then the widget reset, then Bob set.
        var log = (await StandInLog.ReadAsync(browser, sdk)).Where(entry => entry.What is "setUser" or "reset").ToList();
        var janeSet = log.FindIndex(entry => entry.Identifier == jane.Id);
        var reset = log.FindIndex(entry => entry.What == "reset");
        var bobSet = log.FindIndex(entry => entry.Identifier == bob.Id);
        Assert.True(janeSet >= 0 && janeSet < reset && reset < bobSet, string.Join(", ", log));
        Assert.Equal(new StandInLogEntry("/", "reset", null), log[reset]); // on the page the sign-out led to

        var janesData = new JanesData(jane, janeConversation, janeCookies[sdk.UserCookie]);
        await janesData.AssertNotInAsync(browser.Requests.Skip(requestsBefore).SkipWhile(request => !IsSignOut(browser, request)).Skip(1));
        janesData.AssertNotIn(signedOutPage);
        janesData.AssertNotIn(await browser.Page.ContentAsync());
        await browser.AssertCleanAsync();
    }

    [Theory]
    [MemberData(nameof(ReadyEventSites.Vendors), MemberType = typeof(ReadyEventSites))]
    public async Task When_another_user_signs_in_without_signing_out_the_widget_resets_and_learns_the_new_user_in_a_fresh_conversation(string vendor)
    {
        var (site, sdk) = sites.For(vendor);
        var bob = await site.StoredUserAsync("bob@example.com");
        await using var browser = await BrowserPage.OpenAsync(chromium, site);
        var janeConversation = await JaneLogsInAsync(browser, sdk);

        await browser.LogInAsync(bob.Email!);

        // The page resumes Jane's conversation (its cookie is still there), is told to reset, and only once the frame
        // has reloaded into a new conversation does it learn about Bob: nothing is sent to the frame being replaced.
        var widget = await sdk.SettledAsync(browser);
        Assert.Equal(2, widget.Loads.Count);
        Assert.Equal(new FrameLoad(janeConversation, janeConversation, Resumed: true), widget.Loads[0]);
        Assert.Equal(new FrameLoad(null, widget.Loads[1].Token, Resumed: false), widget.Loads[1]);
        Assert.Equal(1, widget.Resets);
        Assert.Equal([(bob.Id, widget.Loads[1].Token)], widget.Users.Select(user => (user.Identifier, user.Conversation)));
        Assert.Equal(0, widget.Lost);
        Assert.Equal(["reset", "setUser"], (await StandInLog.ReadAsync(browser, sdk)).Where(entry => entry.Identifier != "1" && entry.What is "setUser" or "reset").Select(entry => entry.What));
        await browser.AssertCleanAsync();
    }

    /// <summary>Jane logs in; returns the conversation her widget attached her to.</summary>
    private static async Task<string> JaneLogsInAsync(BrowserPage browser, StandInSdk sdk)
    {
        await browser.LogInAsync("jane@example.com");
        return Assert.Single((await sdk.SettledAsync(browser)).Users).Conversation;
    }

    private static bool IsSignOut(BrowserPage browser, IRequest request) => request.Method == "POST" && request.Url == browser.Url("Logout");

    private static async Task<Dictionary<string, string>> SdkCookiesAsync(BrowserPage browser, StandInSdk sdk) =>
        (await browser.Context.CookiesAsync())
            .Where(cookie => cookie.Name == StandInSdk.ConversationCookie || cookie.Name == sdk.UserCookie)
            .ToDictionary(cookie => cookie.Name, cookie => cookie.Value);

    /// <summary>What would identify Jane, or resume her conversation, if it travelled after her sign-out.</summary>
    private sealed record JanesData(SampleUser Jane, string Conversation, string UserCookie)
    {
        // "Jane" also covers her full name. Her id ("1") is too short to look for in text: see AssertNotInAsync.
        private string[] Text => [Jane.Email!, Jane.FirstName, Jane.AvatarUrl!, Expected.Hash(Jane.Id), Conversation, UserCookie];

        public void AssertNotIn(string page)
        {
            Assert.All(Text, text => Assert.DoesNotContain(text, page, StringComparison.Ordinal));
            Assert.DoesNotContain($".setUser(\"{Jane.Id}\"", page, StringComparison.Ordinal);
        }

        /// <summary>No request's URL, headers or body holds Jane's data, and no cookie, query or form value is her id.</summary>
        public async Task AssertNotInAsync(IEnumerable<IRequest> requests)
        {
            foreach (var request in requests)
            {
                var headers = await request.AllHeadersAsync();
                var sent = $"{request.Method} {request.Url}\n{string.Join("\n", headers.Select(header => $"{header.Key}: {header.Value}"))}\n{request.PostData}";
                Assert.All(Text, text => Assert.DoesNotContain(text, sent, StringComparison.Ordinal));
                Assert.DoesNotContain(Jane.Id, Values(request, headers));
            }
        }

        private static IEnumerable<string> Values(IRequest request, Dictionary<string, string> headers)
        {
            var cookies = headers.TryGetValue("cookie", out var cookie) ? cookie.Split("; ") : [];
            var query = new Uri(request.Url).Query.TrimStart('?').Split('&');
            var form = request.PostData?.Split('&') ?? [];
            return cookies.Concat(query).Concat(form).Select(pair => Uri.UnescapeDataString(pair[(pair.IndexOf('=') + 1)..]));
        }
    }
}
