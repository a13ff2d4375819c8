using System.Text;

// Shared with build/benchmarks (linked there), so the benchmark and the load script measure the same page.
/// <summary>A 100 KB HTML page like a real one: markup, text, a little inline script.</summary>
internal static class BigPage
{
    public static readonly string Html = Build();

    private static string Build()
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Shop</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>\n");
        for (var i = 0; html.Length < 100 * 1024 - 200; i++)
        {
            html.Append("<div class=\"product card\"><h2>Product ").Append(i)
                .Append("</h2><p>Comfortable everyday shoes &amp; socks, 20% off this week. Free delivery on orders over &pound;30.</p>")
                .Append("<a href=\"/products/").Append(i).Append("?ref=list&amp;page=2\">Details</a></div>\n");
        }

        return html.Append("<script>window.shop = {\"page\":2};</script></body></html>").ToString();
    }
}
