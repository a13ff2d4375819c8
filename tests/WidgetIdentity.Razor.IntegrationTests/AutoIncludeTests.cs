using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WidgetIdentity.IntegrationTests.Infrastructure;
using WidgetIdentity.Razor.IntegrationTests.Infrastructure;

namespace WidgetIdentity.Razor.IntegrationTests;

/// <summary>
/// <c>"AutoInclude": true</c> on a Razor Page ("/") and an MVC view ("/Home"), both in a layout without
/// <c>&lt;chat-widget-user /&gt;</c> whose body ends with a footer.
/// </summary>
public sealed class AutoIncludeTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Home")]
    public async Task SignedInUser_GetsUserDataThenWidgetScript_AsTheLastChildrenOfBody(string path)
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (response, page) = await site.GetPageAsync(path, userId: "42", email: "jane@example.com");

        var body = page.Body!.Children.ToList();
        Assert.Equal("footer", body[^3].Id); // the layout's own content comes first, untouched
        var userData = Assert.IsAssignableFrom<IHtmlScriptElement>(body[^2]);
        var widgetScript = Assert.IsAssignableFrom<IHtmlScriptElement>(body[^1]);
        Assert.Equal(RazorSiteFactory.AinisaScriptUrl, widgetScript.Source);
        Assert.Same(userData, Assert.Single(WidgetScripts.InlineScripts(page)));
        Assert.Single(WidgetScripts.ScriptSources(page));

        var user = WidgetScripts.AinisaUser(page);
        Assert.Equal("42", WidgetScripts.Field(user, "user_id"));
        Assert.Equal(WidgetScripts.ExpectedHash(RazorSiteFactory.RootSecret, "42"), WidgetScripts.Field(user, "user_hash"));
        Assert.Equal("jane@example.com", WidgetScripts.Field(user, "email"));
        Assert.True(response.Headers.CacheControl?.NoStore, "A page with the user's identity must be Cache-Control: no-store.");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Home")]
    public async Task AnonymousVisitor_GetsOnlyTheWidgetScript_AsTheLastChildOfBody(string path)
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (response, page) = await site.GetPageAsync(path);

        var body = page.Body!.Children.ToList();
        Assert.Equal("footer", body[^2].Id);
        var widgetScript = Assert.IsAssignableFrom<IHtmlScriptElement>(body[^1]);
        Assert.Equal(RazorSiteFactory.AinisaScriptUrl, widgetScript.Source);
        Assert.Empty(WidgetScripts.InlineScripts(page));
        Assert.DoesNotContain("ainisaUser", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Home")]
    public async Task AutoIncludeUnset_PagesHaveNoWidget(string path)
    {
        await using var site = RazorSiteFactory.AutoIncludeUnset();

        var (response, page) = await site.GetPageAsync(path, userId: "42");

        PageAssert.HasNoWidget(response, page);
    }

    [Fact]
    public async Task PageWithANamedWidget_StillGetsTheRootWidgetOnce()
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (_, page) = await site.GetPageAsync("/NamedWidget", userId: "42");

        var inline = WidgetScripts.InlineScripts(page);
        Assert.Equal(2, inline.Count);
        var support = WidgetScripts.ReadyEventSetUser(inline[0].Text);
        Assert.Equal("42", support.UserId);
        Assert.Equal(WidgetScripts.ExpectedHash(RazorSiteFactory.SupportSecret, "42"), WidgetScripts.Field(support.Data, "identifier_hash"));
        Assert.Equal("content", ((IElement)inline[0]).ParentElement!.Id); // where the page wrote it

        var body = page.Body!.Children.ToList();
        Assert.Same(inline[1], body[^2]);
        Assert.Contains(WidgetScripts.ExpectedHash(RazorSiteFactory.RootSecret, "42"), inline[1].Text, StringComparison.Ordinal);
        Assert.Equal(RazorSiteFactory.AinisaScriptUrl, Assert.IsAssignableFrom<IHtmlScriptElement>(body[^1]).Source);
    }
}
