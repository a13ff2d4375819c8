using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace WidgetIdentity.IntegrationTests.Infrastructure;

/// <summary>
/// A browser-like client of the sample site: keeps cookies (in <see cref="Cookies"/>, where a test can plant the
/// cookies a vendor's script would have set), follows redirects, parses pages with AngleSharp.
/// </summary>
public sealed class SiteClient
{
    private static readonly HtmlParser Parser = new();

    private readonly WebApplicationFactory<Program> _site;
    private readonly Uri _baseAddress;

    private SiteClient(WebApplicationFactory<Program> site, Uri baseAddress, CookieContainer cookies, bool followRedirects)
    {
        _site = site;
        _baseAddress = baseAddress;
        Cookies = cookies;
        Http = followRedirects
            ? site.CreateDefaultClient(baseAddress, new RedirectHandler(), new CookieContainerHandler(cookies))
            : site.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
    }

    public HttpClient Http { get; }

    /// <summary>The cookies this client holds for the site, shared with <see cref="WithoutRedirects"/>.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>A new visitor, on the site as <c>http://localhost</c> or, with <paramref name="host"/>, under that host name.</summary>
    public static SiteClient Anonymous(WebApplicationFactory<Program> site, string host = "localhost") =>
        new(site, new UriBuilder(Uri.UriSchemeHttp, host).Uri, new CookieContainer(), followRedirects: true);

    /// <summary>The same visitor (the same cookies), but every response is returned as it is, redirects included.</summary>
    public SiteClient WithoutRedirects() => new(_site, _baseAddress, Cookies, followRedirects: false);

    /// <summary>Adds a cookie for the site, as a script of the site's pages would have set it.</summary>
    public void SetCookie(string name, string value) => Cookies.Add(_baseAddress, new Cookie(name, value, "/"));

    /// <summary>The cookie named <paramref name="name"/> this client holds for the site, if any.</summary>
    public Cookie? Cookie(string name) => Cookies.GetCookies(_baseAddress)[name];

    /// <summary>
    /// Logs in through the site's real login form: GET the page, read its antiforgery token, POST the email or user
    /// name and the password.
    /// </summary>
    public static async Task<SiteClient> LogInAsync(
        WebApplicationFactory<Program> site, string login, string password = DemoLogins.Password, string host = "localhost")
    {
        var client = Anonymous(site, host);
        var (_, loginPage) = await client.GetPageAsync("/Login");
        var form = loginPage.QuerySelector<IHtmlFormElement>("form#login") ?? throw new InvalidOperationException("The login page has no login form.");
        var response = await client.SubmitAsync("/Login", form, new Dictionary<string, string>
        {
            ["Input.EmailOrUserName"] = login,
            ["Input.Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath); // redirected home: the login worked
        return client;
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string path) => (await GetPageAsync(path)).Page;

    /// <summary>
    /// Posts a form as a browser would: its hidden fields (the antiforgery token among them) plus the given values,
    /// to its action, or back to <paramref name="pagePath"/> where it has none.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(string pagePath, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action");
        return Http.PostAsync(string.IsNullOrEmpty(action) ? pagePath : action, new FormUrlEncodedContent(fields));
    }
}

/// <summary>The sample site's demo users, written out here so the tests do not take the site's word for them.</summary>
public static class DemoLogins
{
    public const string Password = "Demo-Passw0rd!";

    public static readonly DemoLogin Jane = new("1", "jane@example.com", "Jane", "Doe");

    public static readonly DemoLogin Bob = new("2", "bob@example.com", "Bob", "Smith");

    public static readonly DemoLogin Zoe = new("3", "zoe@example.com", "Zoë \"</script><script>alert(1)</script>", "O'Brien 日本語 🎉 \u2028");
}

public sealed record DemoLogin(string Id, string Email, string FirstName, string LastName)
{
    public string FullName => $"{FirstName} {LastName}";
}
