using AngleSharp.Dom;
using WidgetIdentity.IntegrationTests.Infrastructure;
using WidgetIdentity.Razor.IntegrationTests.Infrastructure;

namespace WidgetIdentity.Razor.IntegrationTests;

/// <summary>A page or layout that writes <c>&lt;chat-widget-user /&gt;</c> itself, with <c>"AutoInclude": true</c>.</summary>
public sealed class AutoIncludeDuplicateTests
{
    [Theory]
    [InlineData("/Home/WithTag", "body")]    // an MVC layout with the tag at the end of its body
    [InlineData("/WithTag", "main#content")] // a Razor Page with the tag in its own markup
    public async Task PageThatWritesTheTag_GetsOneUserDataAndOneWidgetScript_WhereTheTagIs(string path, string tagParent)
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (_, page) = await site.GetPageAsync(path, userId: "42");

        var userData = Assert.Single(WidgetScripts.InlineScripts(page));
        Assert.Equal([RazorSiteFactory.AinisaScriptUrl], WidgetScripts.ScriptSources(page));
        Assert.Equal(WidgetScripts.ExpectedHash(RazorSiteFactory.RootSecret, "42"), WidgetScripts.Field(WidgetScripts.AinisaUser(page), "user_hash"));
        Assert.True(((IElement)userData).ParentElement!.Matches(tagParent), $"The user data is not in {tagParent}.");
    }
}
