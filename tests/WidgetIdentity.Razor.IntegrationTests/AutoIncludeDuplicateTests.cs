using AngleSharp.Dom;
using WidgetIdentity.IntegrationTests.Infrastructure;
using WidgetIdentity.Razor.IntegrationTests.Infrastructure;

namespace WidgetIdentity.Razor.IntegrationTests;

/// <summary>A page or layout that writes <c>&lt;chat-widget-user /&gt;</c> itself, with <c>"AutoInclude": true</c>.</summary>
public sealed class AutoIncludeDuplicateTests
{
    [Fact]
    public async Task LayoutWithTheTagAtTheEndOfBody_GetsOneUserDataAndOneWidgetScript()
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (_, page) = await site.GetPageAsync("/Home/WithTag", userId: "42");

        var userData = Assert.Single(WidgetScripts.InlineScripts(page));
        Assert.Equal([RazorSiteFactory.AinisaScriptUrl], WidgetScripts.ScriptSources(page));
        Assert.Equal(WidgetScripts.ExpectedHash(RazorSiteFactory.RootSecret, "42"), WidgetScripts.Field(WidgetScripts.AinisaUser(page), "user_hash"));
        Assert.Equal("body", ((IElement)userData).ParentElement!.LocalName);
    }

    [Fact]
    public async Task RazorPageWithTheTag_GetsOneUserDataAndOneWidgetScript_WhereThePagePutThem()
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (_, page) = await site.GetPageAsync("/WithTag", userId: "42");

        var userData = Assert.Single(WidgetScripts.InlineScripts(page));
        Assert.Equal([RazorSiteFactory.AinisaScriptUrl], WidgetScripts.ScriptSources(page));
        Assert.Equal("42", WidgetScripts.Field(WidgetScripts.AinisaUser(page), "user_id"));
        Assert.Equal("content", ((IElement)userData).ParentElement!.Id);
        Assert.Equal("footer", page.Body!.Children.Last().Id);
    }
}
