using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Csp;

[Collection(ChromiumCollection.Name)]
public sealed class ContentSecurityPolicyTests(ChromiumFixture chromium, AinisaSite site) : IClassFixture<AinisaSite>
{
    [Fact]
    public async Task Under_a_strict_nonce_policy_the_tag_with_the_nonce_runs_the_user_data_and_the_vendor_script()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        var response = await browser.GotoAsync("browser-tests/csp?nonce=on");

        AssertStrictNoncePolicy(await response.HeaderValueAsync("content-security-policy"));
        var seen = await browser.ReadExactAsync("window.__vendors.ainisa.user");
        Assert.NotNull(seen);
        Assert.Equal(
            [
                KeyValuePair.Create("user_id", "csp-user"),
                KeyValuePair.Create("user_hash", Expected.Hash("csp-user")),
                KeyValuePair.Create("firstname", "Nonce"),
                KeyValuePair.Create("email", "csp@example.com"),
            ],
            BrowserPage.Fields(seen.Value));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public async Task Under_a_strict_nonce_policy_the_tag_without_the_nonce_is_blocked_and_the_browser_reports_the_violations()
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        var response = await browser.GotoAsync("browser-tests/csp");
        await browser.Page.WaitForFunctionAsync("() => window.__cspViolations.length >= 2");

        AssertStrictNoncePolicy(await response.HeaderValueAsync("content-security-policy"));
        Assert.Equal(
            ["script-src-elem blocked inline", $"script-src-elem blocked {site.Url(VendorStandIns.Ainisa.TrimStart('/'))}"],
            await browser.CspViolationsAsync());
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.ainisaUser"));
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.__vendors"));
        Assert.All(browser.Errors, error => Assert.Contains("Content Security Policy", error, StringComparison.Ordinal));
        Assert.NotEmpty(browser.Errors);
    }

    private static void AssertStrictNoncePolicy(string? policy)
    {
        Assert.NotNull(policy);
        Assert.StartsWith("script-src 'nonce-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }
}
