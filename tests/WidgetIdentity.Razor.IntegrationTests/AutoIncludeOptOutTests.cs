using WidgetIdentity.Razor.IntegrationTests.Infrastructure;

namespace WidgetIdentity.Razor.IntegrationTests;

/// <summary>One page opts out of <c>"AutoInclude": true</c>; the site's other pages keep the widget (<see cref="AutoIncludeTests"/>).</summary>
public sealed class AutoIncludeOptOutTests
{
    [Theory]
    [InlineData("/Skipped")]                // @attribute [SkipChatWidget] on a Razor Page
    [InlineData("/SkippedByModel")]         // [SkipChatWidget] on a Razor Page's PageModel
    [InlineData("/SkippedInView")]          // @{ HttpContext.SkipChatWidget(); } in a Razor Page's markup
    [InlineData("/Home/SkippedByAttribute")] // [SkipChatWidget] on an MVC action
    [InlineData("/Home/SkippedInAction")]    // HttpContext.SkipChatWidget() in an MVC action
    public async Task OptedOutPage_HasNoWidget(string path)
    {
        await using var site = RazorSiteFactory.AutoIncludeOn();

        var (response, page) = await site.GetPageAsync(path, userId: "42");

        PageAssert.HasNoWidget(response, page);
    }
}
