using AngleSharp.Html.Dom;

namespace WidgetIdentity.Razor.IntegrationTests.Infrastructure;

public static class PageAssert
{
    /// <summary>A page of the test site's layout as it is without a widget: its body ends with the footer, no script anywhere, cacheable.</summary>
    public static void HasNoWidget(HttpResponseMessage response, IHtmlDocument page)
    {
        Assert.Equal("footer", page.Body!.Children.Last().Id);
        Assert.Empty(page.Scripts);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
