using WidgetIdentity.Razor.IntegrationTests.Infrastructure;

namespace WidgetIdentity.Razor.IntegrationTests;

/// <summary>What <c>"AutoInclude": true</c> leaves alone: output that is not a page's <c>&lt;body&gt;</c>.</summary>
public sealed class AutoIncludeScopeTests
{
    [Fact]
    public async Task PartialViewWithoutBody_IsUntouched()
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var response = await site.GetAsync("/Home/Fragment", userId: "42");

        Assert.Equal("<p id=\"fragment\">A fragment</p>", (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task ViewRenderedToAStringDuringTheAction_GetsNoWidget()
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var response = await site.GetAsync("/Home/Email", userId: "42");

        var email = await response.Content.ReadAsStringAsync();
        Assert.Contains("Your order has shipped.", email, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", email, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task JsonEndpoint_IsUntouched()
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var response = await site.GetAsync("/api/user", userId: "42");

        Assert.Equal("""{"id":"42"}""", await response.Content.ReadAsStringAsync());
    }
}
