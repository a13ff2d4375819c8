using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SampleSite.Data;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// A fresh browser context (its own cookies) on one sample site, recording every console error, uncaught page error
/// and Content-Security-Policy violation, with helpers to log in through the real form and to read page values
/// exactly.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    // Runs before any page script (Playwright injects it through the DevTools protocol, so the page's CSP does not
    // apply to it) and records the violations the browser reports to the page.
    private const string RecordCspViolations = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", function (e) {
          window.__cspViolations.push({ directive: e.effectiveDirective, blockedUri: e.blockedURI, disposition: e.disposition });
        });
        """;

    // Strings are sent back as their UTF-16 code units in hex: the DevTools protocol carries text as UTF-8 and
    // would replace lone surrogates on the way, hiding what the page really holds.
    private const string CodeUnits = """
        function (s) {
          var hex = "";
          for (var i = 0; i < s.length; i++) { hex += s.charCodeAt(i).toString(16).padStart(4, "0"); }
          return hex;
        }
        """;

    private readonly Uri _baseAddress;
    private readonly List<string> _errors = [];
    private readonly List<IRequest> _requests = [];

    private BrowserPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        _baseAddress = baseAddress;
        Page = page;
        context.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add(request);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The browser context: its cookies are the visitor's cookies.</summary>
    public IBrowserContext Context { get; }

    /// <summary>Every request the browser has sent so far, in order.</summary>
    public IReadOnlyList<IRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Console errors and uncaught exceptions so far (a CSP violation also logs a console error).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>
    /// Opens a fresh context on <paramref name="site"/>, at its own address or, with <paramref name="host"/>, under that
    /// host name (one that <see cref="ChromiumFixture"/> resolves to the site, e.g. a name under <see cref="ChromiumFixture.TestDomain"/>).
    /// </summary>
    public static async Task<BrowserPage> OpenAsync(ChromiumFixture chromium, SampleSiteFactory site, string? host = null)
    {
        var baseAddress = host is null ? site.BaseAddress : new UriBuilder(site.BaseAddress) { Host = host }.Uri;
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseAddress.ToString() });
        await context.AddInitScriptAsync(RecordCspViolations);
        await context.RouteAsync($"{baseAddress}favicon.ico", route => route.FulfillAsync(new() { Status = 204 }));
        return new BrowserPage(context, await context.NewPageAsync(), baseAddress);
    }

    /// <summary>The absolute URL of a path on the site, at the address this page opened it on.</summary>
    public string Url(string path) => new Uri(_baseAddress, path).ToString();

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(Url(path)) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Ok, $"GET {path} answered {response.Status}.");
        return response;
    }

    /// <summary>Logs in through the sample site's login form (with an email or a user name), as a visitor would, and lands on the home page.</summary>
    public async Task LogInAsync(string login)
    {
        await GotoAsync("Login");
        await Page.FillAsync("#Input_EmailOrUserName", login);
        await Page.FillAsync("#Input_Password", DemoUsers.Password);
        await ClickAndWaitForNextPageAsync("#login button[type=submit]");
        Assert.Equal(Url(""), Page.Url);
        Assert.Equal(1, await Page.Locator("#signed-in-as").CountAsync());
    }

    /// <summary>
    /// Logs out with the button in the site's header and lands on the home page. Returns the response to the
    /// <c>POST /Logout</c> itself (the redirect), as the browser received it.
    /// </summary>
    public async Task<IResponse> LogOutAsync()
    {
        IResponse? signOut = null;
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Request.Method == "POST" && response.Url == Url("Logout"))
            {
                signOut = response;
            }
        }

        Page.Response += OnResponse;
        try
        {
            await ClickAndWaitForNextPageAsync("header form[action='/Logout'] button");
        }
        finally
        {
            Page.Response -= OnResponse;
        }

        Assert.Equal(Url(""), Page.Url);
        Assert.Equal(0, await Page.Locator("#signed-in-as").CountAsync());
        return signOut ?? throw new InvalidOperationException("The browser saw no response to POST /Logout.");
    }

    /// <summary>Clicks a form's submit button and waits until the page it leads to (after any redirect) has loaded.</summary>
    public async Task ClickAndWaitForNextPageAsync(string selector)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await Page.ClickAsync(selector);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    /// <summary>
    /// The JSON of a page expression in which every string value is exactly what the page holds (decode it with
    /// <see cref="Text"/>); <see langword="null"/> where the expression is <c>undefined</c>.
    /// </summary>
    public async Task<JsonElement?> ReadExactAsync(string expression)
    {
        var json = await Page.EvaluateAsync<string?>(
            $"() => {{ var units = {CodeUnits}; var value = ({expression}); "
            + "return value === undefined ? null : JSON.stringify(value, function (key, v) { return typeof v === \"string\" ? units(v) : v; }); }");
        return json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>A string value read by <see cref="ReadExactAsync"/>, as the UTF-16 code units the page holds.</summary>
    public static string Text(JsonElement value)
    {
        var hex = value.GetString() ?? throw new InvalidOperationException("Not a string.");
        var text = new StringBuilder(hex.Length / 4);
        for (var i = 0; i < hex.Length; i += 4)
        {
            text.Append((char)Convert.ToUInt16(hex.Substring(i, 4), 16));
        }

        return text.ToString();
    }

    /// <summary>An object's properties in order, with string values decoded.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(JsonElement value) =>
        [.. value.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, Text(property.Value)))];

    /// <summary>The CSP violations the browser reported to the page: the directive and what it blocked.</summary>
    public async Task<IReadOnlyList<string>> CspViolationsAsync()
    {
        var violations = await Page.EvaluateAsync<JsonElement>("() => window.__cspViolations");
        return [.. violations.EnumerateArray().Select(v => $"{v.GetProperty("directive").GetString()} blocked {v.GetProperty("blockedUri").GetString()}")];
    }

    /// <summary>Nothing went wrong in the page: no console error, no uncaught exception, no CSP violation.</summary>
    public async Task AssertCleanAsync()
    {
        Assert.Empty(await CspViolationsAsync());
        Assert.Empty(Errors);
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
