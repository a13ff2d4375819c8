using System.Net;
using System.Text.RegularExpressions;
using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests;

/// <summary>How a page that carries an identity is sent: never cacheable by others, scripts allowed by the CSP nonce.</summary>
public sealed partial class PrivateResponseTests
{
    [Fact]
    public async Task Page_with_an_identity_is_no_store_private_on_GET_and_HEAD()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var get = await client.Http.GetAsync("/");
        var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        foreach (var response in new[] { get, head })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store, private", response.Headers.NonValidated["Cache-Control"].ToString());
        }

        Assert.Contains("window.ainisaUser", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_script_written_carries_the_pages_CSP_nonce()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var (response, page) = await client.GetPageAsync("/Support"); // two widgets: three scripts

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NoncePattern().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Equal(3, page.Scripts.Length);
        Assert.All(page.Scripts, script => Assert.Equal(nonce, script.GetAttribute("nonce")));
    }

    [Fact]
    public async Task Output_cache_that_would_cache_signed_in_pages_never_serves_one_users_identity_to_another()
    {
        await using var factory = new SampleSiteFactory("Ainisa");
        var site = factory.WithCarelessOutputCache();
        var jane = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);
        var bob = await SiteClient.LogInAsync(site, DemoLogins.Bob.Email);

        var janePage = await jane.GetDocumentAsync("/");
        var bobPage = await bob.GetDocumentAsync("/");

        Assert.Equal(DemoLogins.Jane.Id, Field(AinisaUser(janePage), "user_id"));
        Assert.Equal(DemoLogins.Bob.Id, Field(AinisaUser(bobPage), "user_id"));

        // The cache is live: an anonymous page, which carries no identity, is stored and served again.
        var anonymous = SiteClient.Anonymous(site);
        await anonymous.GetPageAsync("/");
        var (cached, cachedPage) = await anonymous.GetPageAsync("/");
        Assert.NotNull(cached.Headers.Age);
        Assert.Empty(InlineScripts(cachedPage));
    }

    [GeneratedRegex("script-src 'nonce-(?<nonce>[A-Za-z0-9+/=]+)'")]
    private static partial Regex NoncePattern();
}
