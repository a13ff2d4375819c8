using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using WidgetIdentity.TestHosts;

namespace WidgetIdentity.Razor.IntegrationTests.Infrastructure;

/// <summary>
/// The Razor test site (its SDK-compiled views and pages) in TestHost, with AutoInclude as a test sets it. Requests are
/// for a signed-in user when given a user id (the site's test authentication reads it from a header).
/// </summary>
public sealed class RazorSiteFactory : WebApplicationFactory<Program>
{
    /// <summary>The test-only secrets of the site's appsettings.json, written out here so tests do not take the site's word.</summary>
    public const string RootSecret = "TEST-ONLY-razor-site-7c1e5a9d3b";
    public const string SupportSecret = "TEST-ONLY-razor-support-2f8b4d6e0a";

    /// <summary>Ainisa's own widget script, the root widget's default.</summary>
    public const string AinisaScriptUrl = "https://chatbot.ainisa.com/widget.js";

    private static readonly HtmlParser Parser = new();

    private readonly string? _autoInclude;

    private RazorSiteFactory(string? autoInclude) => _autoInclude = autoInclude;

    /// <summary>The site with <c>WidgetIdentity:AutoInclude</c> set to true.</summary>
    public static RazorSiteFactory AutoIncludeOn() => new("true");

    /// <summary>The site as configured, AutoInclude not set.</summary>
    public static RazorSiteFactory AutoIncludeUnset() => new(null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.RemoveMachineSources());
        if (_autoInclude is not null)
        {
            builder.UseSetting("WidgetIdentity:AutoInclude", _autoInclude);
        }
    }

    /// <summary>GETs <paramref name="path"/>, as the user <paramref name="userId"/> or anonymously; asserts 200.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? userId = null, string? email = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (userId is not null)
        {
            request.Headers.Add("X-Test-User", userId);
        }

        if (email is not null)
        {
            request.Headers.Add("X-Test-Email", email);
        }

        var response = await CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>GETs and parses an HTML page.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(string path, string? userId = null, string? email = null)
    {
        var response = await GetAsync(path, userId, email);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
