using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WidgetIdentity.Testing;

namespace WidgetIdentity.IntegrationTests.Infrastructure;

/// <summary>Reads what <c>&lt;ChatWidgetUser /&gt;</c> wrote into a page of the sample's Blazor section.</summary>
public static partial class BlazorPages
{
    /// <summary>The Accept header blazor.web.js sends for an enhanced navigation (it patches the page instead of loading it).</summary>
    public const string EnhancedNavigationAccept = "text/html; blazor-enhanced-nav=on";

    /// <summary>
    /// The marker the component writes before the renderer's scripts; its value is <c>widget:page key</c>. Looked for in the
    /// page and in the updates a streaming page sends after it started (<c>&lt;blazor-ssr&gt;&lt;template&gt;</c>, which
    /// blazor.web.js puts in place).
    /// </summary>
    public static IElement Marker(IHtmlDocument page, string widget = "") =>
        Assert.Single(Markers(page), marker => marker.GetAttribute("data-widget-identity")!.StartsWith(widget + ":", StringComparison.Ordinal));

    /// <summary>Every marker in the page and in its streamed updates.</summary>
    public static IEnumerable<IElement> Markers(IHtmlDocument page) =>
        StreamedUpdates(page).Cast<IParentNode>().Prepend(page).SelectMany(root => root.QuerySelectorAll("template[data-widget-identity]"));

    /// <summary>The content of each streaming update the page carries.</summary>
    public static IEnumerable<IDocumentFragment> StreamedUpdates(IHtmlDocument page) =>
        page.QuerySelectorAll("blazor-ssr > template").OfType<IHtmlTemplateElement>().Select(update => update.Content);

    /// <summary>
    /// The scripts the renderer wrote for <paramref name="widget"/> (the root widget when empty): the script elements that
    /// follow its marker, up to the first element that is not a script.
    /// </summary>
    public static IReadOnlyList<IHtmlScriptElement> RendererScripts(IHtmlDocument page, string widget = "")
    {
        var scripts = new List<IHtmlScriptElement>();
        for (var next = Marker(page, widget).NextElementSibling; next is IHtmlScriptElement script; next = next.NextElementSibling)
        {
            scripts.Add(script);
        }

        return scripts;
    }

    /// <summary>The Blazor section's pages: static, streaming, and interactive (prerendered).</summary>
    public static TheoryData<string> Paths => ["/blazor", "/blazor/streaming", "/blazor/interactive"];

    /// <summary>The user data in <paramref name="scripts"/>, as the vendor's script reads it.</summary>
    public static IReadOnlyList<RenderedWidgetUser> UsersIn(IEnumerable<IHtmlScriptElement> scripts) =>
        WidgetUserMarkup.FindAll(string.Join('\n', scripts.Select(script => script.OuterHtml)));

    /// <summary>A script as written, less its nonce (which differs per request by design): its attributes in order, then its text.</summary>
    public static string WithoutNonce(IHtmlScriptElement script) =>
        string.Join(' ', script.Attributes.Where(attribute => attribute.Name != "nonce").Select(attribute => $"{attribute.Name}=\"{attribute.Value}\""))
        + ">" + script.Text;

    /// <summary>
    /// The <c>script-src</c> nonce of the response's Content-Security-Policy (Blazor's interactive server render mode adds a
    /// second policy, <c>frame-ancestors 'self'</c>).
    /// </summary>
    public static string CspNonce(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"), policy => policy.Contains("script-src", StringComparison.Ordinal));
        var nonce = NoncePattern().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        return nonce;
    }

    /// <summary>A GET as blazor.web.js makes it for an enhanced navigation.</summary>
    public static HttpRequestMessage EnhancedNavigation(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(EnhancedNavigationAccept));
        return request;
    }

    [GeneratedRegex("script-src 'nonce-(?<nonce>[A-Za-z0-9+/=_-]+)'")]
    private static partial Regex NoncePattern();
}
