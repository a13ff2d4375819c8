using System.Net.Http.Headers;
using WidgetIdentity.IntegrationTests.Infrastructure;
using WidgetIdentity.Testing;
using static WidgetIdentity.IntegrationTests.Infrastructure.BlazorPages;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests.Blazor;

/// <summary>
/// A Blazor page that carries an identity is never kept for another visitor: <c>Cache-Control: no-store</c> and no output
/// caching, the streaming page included (its headers leave before its last <c>&lt;ChatWidgetUser /&gt;</c> renders).
/// </summary>
public sealed class BlazorPrivateResponseTests
{
    private const string SupportSecret = "integration-test-support-secret-5c8e2a71";

    [Theory]
    [MemberData(nameof(Paths), MemberType = typeof(BlazorPages))]
    public async Task Signed_in_users_Blazor_page_carries_their_identity_and_is_no_store(string path)
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(DemoLogins.Jane.Id, RootUser(page).UserId);
        Assert.Equal(ExpectedHash(SampleSiteFactory.Secret, DemoLogins.Jane.Id), RootUser(page).UserHash);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Streaming_page_writes_the_late_widgets_user_data_inert_under_a_no_store_response()
    {
        await using var site = new SampleSiteFactory("Ainisa").WithSetting("WidgetIdentity:Widgets:support:Secret", SupportSecret);
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var (response, page) = await client.GetPageAsync("/blazor/streaming");

        // The support widget rendered after the response started: its user data is in a streamed update, written inert
        // (the browser does not run scripts that arrive that way; the page script starts them).
        Assert.DoesNotContain(page.QuerySelectorAll("template[data-widget-identity]"), marker => marker.GetAttribute("data-widget-identity")!.StartsWith("support:"));
        var support = Assert.Single(RendererScripts(page, "support"));
        Assert.Equal("text/widget-identity", support.GetAttribute("type"));
        var setUser = ReadyEventSetUser(support.Text);
        Assert.Equal(("chatbot:ready", "window.$chatbot", DemoLogins.Jane.Id), (setUser.ReadyEvent, setUser.SdkObject, setUser.UserId));
        Assert.Equal(ExpectedHash(SupportSecret, DemoLogins.Jane.Id), Field(setUser.Data, "identifier_hash"));

        // The root widget, in App.razor, rendered before the response started: live scripts.
        Assert.Equal(ExpectedHash(SampleSiteFactory.Secret, DemoLogins.Jane.Id), RootUser(page).UserHash);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Output_cache_that_would_cache_every_page_never_serves_one_users_Blazor_page_to_another()
    {
        await using var factory = new SampleSiteFactory("Ainisa");
        var site = factory.WithCarelessOutputCache();
        var jane = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);
        var bob = await SiteClient.LogInAsync(site, DemoLogins.Bob.Email);

        foreach (var path in new[] { "/blazor", "/blazor/streaming" })
        {
            var janePage = await jane.GetDocumentAsync(path);
            var (bobResponse, bobPage) = await bob.GetPageAsync(path);

            Assert.Equal(DemoLogins.Jane.Id, RootUser(janePage).UserId);
            Assert.Equal(DemoLogins.Bob.Id, RootUser(bobPage).UserId);
            Assert.Null(bobResponse.Headers.Age); // rendered for Bob, not served from the cache
        }

        // The cache is live: a Blazor page without an identity is stored and served again.
        var anonymous = SiteClient.Anonymous(site);
        await anonymous.GetPageAsync("/blazor");
        var (cached, cachedPage) = await anonymous.GetPageAsync("/blazor");
        Assert.NotNull(cached.Headers.Age);
        Assert.Empty(RootUsers(cachedPage));
    }

    [Theory]
    [MemberData(nameof(Paths), MemberType = typeof(BlazorPages))]
    public async Task Anonymous_visitor_without_a_visitor_cookie_gets_no_identity_and_no_visitor_cookie(string path)
    {
        await using var site = new SampleSiteFactory("Ainisa");

        var (response, page) = await SiteClient.Anonymous(site).GetPageAsync(path);

        Assert.Empty(RootUsers(page));
        Assert.Equal([AinisaScript], RendererScripts(page).Select(script => script.GetAttribute("src")));
        Assert.DoesNotContain(SetCookies(response), cookie => cookie.StartsWith(".WidgetIdentity.Visitor", StringComparison.Ordinal));
    }

    private const string AinisaScript = "https://chatbot.ainisa.com/widget.js";

    private static IReadOnlyList<RenderedWidgetUser> RootUsers(AngleSharp.Html.Dom.IHtmlDocument page) => UsersIn(RendererScripts(page));

    private static RenderedWidgetUser RootUser(AngleSharp.Html.Dom.IHtmlDocument page) => Assert.Single(RootUsers(page));

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
