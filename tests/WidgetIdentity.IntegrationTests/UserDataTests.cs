using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests;

/// <summary>What the layout's <c>&lt;chat-widget-user /&gt;</c> tells each vendor, on the real site's pages.</summary>
public sealed class UserDataTests
{
    private const string AinisaScript = "https://chatbot.ainisa.com/widget.js";

    [Fact]
    public async Task Anonymous_visitor_gets_only_the_widget_script_and_no_user_data()
    {
        await using var site = new SampleSiteFactory("Ainisa");

        var (response, page) = await SiteClient.Anonymous(site).GetPageAsync("/");

        Assert.Empty(InlineScripts(page));
        Assert.Equal([AinisaScript], ScriptSources(page));
        Assert.False(response.Headers.CacheControl?.NoStore ?? false); // nothing personal, so left cacheable
    }

    [Fact]
    public async Task Ainisa_gets_window_ainisaUser_exactly_as_documented_before_its_widget_script()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var jane = DemoLogins.Jane;

        var page = await (await SiteClient.LogInAsync(site, jane.Email)).GetDocumentAsync("/");

        var hash = ExpectedHash(SampleSiteFactory.Secret, jane.Id);
        var userData = Assert.Single(InlineScripts(page));
        Assert.Equal(
            $$"""window.ainisaUser = {"user_id":"1","user_hash":"{{hash}}","firstname":"Jane","lastname":"Doe","email":"jane@example.com"};""",
            userData.Text);
        Assert.Equal([userData, .. page.Scripts.Where(script => script.Source == AinisaScript)], page.Scripts); // user data first, then widget.js
    }

    [Theory]
    [InlineData("Chatku", "chatbot:ready", "window.$chatbot")]
    [InlineData("Chatwoot", "chatwoot:ready", "window.$chatwoot")]
    public async Task Chatwoot_style_vendor_gets_setUser_on_its_ready_event_exactly_as_documented(string vendor, string readyEvent, string sdkObject)
    {
        await using var site = new SampleSiteFactory(vendor);
        var jane = DemoLogins.Jane;

        var page = await (await SiteClient.LogInAsync(site, jane.Email)).GetDocumentAsync("/");

        var hash = ExpectedHash(SampleSiteFactory.Secret, jane.Id);
        var script = Assert.Single(page.Scripts); // these vendors' loader snippet is the site's own: nothing else is written
        Assert.Equal(
            $$"""
            window.addEventListener("{{readyEvent}}", function () {
              {{sdkObject}}.setUser("1", {"name":"Jane Doe","email":"jane@example.com","avatar_url":"https://example.com/avatars/jane.png","identifier_hash":"{{hash}}"});
            });
            """.ReplaceLineEndings("\n"),
            script.Text);
    }

    [Fact]
    public async Task Hostile_name_reaches_Ainisa_exactly_and_cannot_break_out_of_the_script()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var zoe = DemoLogins.Zoe;

        var page = await (await SiteClient.LogInAsync(site, zoe.Email)).GetDocumentAsync("/");

        Assert.Equal(2, page.Scripts.Length); // no <script> injected by the name
        var user = AinisaUser(page);
        Assert.Equal(["user_id", "user_hash", "firstname", "lastname", "email"], FieldNames(user));
        Assert.Equal(zoe.Id, Field(user, "user_id"));
        Assert.Equal(ExpectedHash(SampleSiteFactory.Secret, zoe.Id), Field(user, "user_hash"));
        Assert.Equal(zoe.FirstName, Field(user, "firstname"));
        Assert.Equal(zoe.LastName, Field(user, "lastname"));
        Assert.Equal(zoe.Email, Field(user, "email"));
        Assert.DoesNotContain('\u2028', InlineScripts(page)[0].Text); // a raw line separator ends a string in older engines
    }

    [Fact]
    public async Task Hostile_name_reaches_Chatku_exactly_as_the_full_name()
    {
        await using var site = new SampleSiteFactory("Chatku");
        var zoe = DemoLogins.Zoe;

        var page = await (await SiteClient.LogInAsync(site, zoe.Email)).GetDocumentAsync("/");

        var call = ReadyEventSetUser(Assert.Single(page.Scripts).Text);
        Assert.Equal(zoe.Id, call.UserId);
        Assert.Equal(["name", "email", "identifier_hash"], FieldNames(call.Data));
        Assert.Equal(zoe.FullName, Field(call.Data, "name"));
        Assert.Equal(zoe.Email, Field(call.Data, "email"));
        Assert.Equal(ExpectedHash(SampleSiteFactory.Secret, zoe.Id), Field(call.Data, "identifier_hash"));
    }

    [Fact]
    public async Task Mvc_view_gets_the_signed_in_user_from_the_shared_layout()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var bob = DemoLogins.Bob;

        var page = await (await SiteClient.LogInAsync(site, bob.Email)).GetDocumentAsync("/Profile");

        Assert.NotNull(page.QuerySelector("dl")); // the MVC view itself rendered
        var user = AinisaUser(page);
        Assert.Equal(bob.Id, Field(user, "user_id"));
        Assert.Equal(ExpectedHash(SampleSiteFactory.Secret, bob.Id), Field(user, "user_hash"));
    }

    [Fact]
    public async Task Named_widget_writes_its_own_vendor_format_next_to_the_root_widget()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var jane = DemoLogins.Jane;

        var page = await (await SiteClient.LogInAsync(site, jane.Email)).GetDocumentAsync("/Support");

        var inline = InlineScripts(page);
        Assert.Equal(2, inline.Count);
        var support = ReadyEventSetUser(inline[0].Text); // the page's widget="support" (Chatku) comes before the layout's
        Assert.Equal(("chatbot:ready", "window.$chatbot", jane.Id), (support.ReadyEvent, support.SdkObject, support.UserId));
        Assert.Equal(ExpectedHash(SampleSiteFactory.Secret, jane.Id), Field(support.Data, "identifier_hash"));
        Assert.StartsWith("window.ainisaUser = ", inline[1].Text);
    }

    [Fact]
    public async Task After_logging_out_the_page_carries_no_user_data()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);
        var (_, home) = await client.GetPageAsync("/");
        Assert.Single(InlineScripts(home));

        var logout = home.QuerySelector<IHtmlFormElement>("form[action='/Logout']")!;
        var response = await client.SubmitAsync("/", logout);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(InlineScripts(await client.GetDocumentAsync("/")));
    }

    [Fact]
    public void Expected_hash_helper_matches_the_shared_test_vectors()
    {
        // Rows of shared/test-vectors/hmac-sha256.json, which Node, PHP, Ruby and Python agree on.
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", ExpectedHash("Jefe", "what do ya want for nothing?"));
        Assert.Equal("d91bd2f9b61b1cff5e1e8cd963a89a96a604ec50e55e500b78e033faebd0cde2", ExpectedHash("b02612a8bdf5e736c41ce2002181d124", "42"));
    }
}
