using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WidgetIdentity.IntegrationTests.Infrastructure;
using WidgetIdentity.Testing;
using static WidgetIdentity.IntegrationTests.Infrastructure.BlazorPages;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests.Blazor;

/// <summary>
/// <c>&lt;ChatWidgetUser /&gt;</c> in the sample's App.razor tells each vendor exactly what <c>&lt;chat-widget-user /&gt;</c> in
/// its Razor layout tells it, for the same visitor: the same user-data script and the same widget script, byte for byte
/// but for the per-request CSP nonce.
/// </summary>
public sealed class ComponentMatchesTagTests
{
    /// <summary>Every vendor, with the settings its start-up check requires (values written here, not taken from the site).</summary>
    public static TheoryData<string> Vendors() =>
        ["Ainisa", "Chatku", "Chatwoot", "Intercom", "Crisp", "HelpScout", "FrontChat", "Gleap", "Chatbase", "Zendesk", "Featurebase", "Plain"];

    private static readonly Dictionary<string, (string Key, string Value)[]> VendorSettings = new()
    {
        ["Intercom"] = [("AppId", "it-intercom-app")],
        ["FrontChat"] = [("AppId", "it-front-chat-id")],
        ["Featurebase"] = [("AppId", "it-featurebase-app")],
        ["Zendesk"] = [("KeyId", "app_it0123456789")],
    };

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task Signed_in_user_gets_the_same_scripts_from_the_component_as_from_the_tag(string vendor)
    {
        await using var factory = new SampleSiteFactory(vendor);
        var site = WithFixedClock(factory, vendor);
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var (tag, component) = await TagAndComponentScriptsAsync(client);
        Assert.NotEmpty(tag);

        // The user is identified at all, and signed with the test's secret.
        var user = Assert.Single(UsersIn(component));
        var expectedSignature = user.Signing switch
        {
            WidgetUserSigning.UserIdHash => ExpectedHash(SampleSiteFactory.Secret, DemoLogins.Jane.Id),
            WidgetUserSigning.EmailHash => ExpectedHash(SampleSiteFactory.Secret, DemoLogins.Jane.Email),
            _ => ExpectedJwt(SampleSiteFactory.Secret, user.UserHash),
        };
        Assert.Equal(expectedSignature, user.UserHash);

        Assert.Equal(tag.Select(WithoutNonce), component.Select(WithoutNonce));
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task Anonymous_visitor_gets_the_same_scripts_from_the_component_as_from_the_tag(string vendor)
    {
        await using var factory = new SampleSiteFactory(vendor);
        var site = WithFixedClock(factory, vendor);

        var (tag, component) = await TagAndComponentScriptsAsync(SiteClient.Anonymous(site));

        Assert.Empty(UsersIn(component));
        Assert.Equal(tag.Select(WithoutNonce), component.Select(WithoutNonce));
    }

    /// <summary>
    /// The tag's scripts on the Razor home page (its layout writes nothing else) and the component's on <c>/blazor</c>, each
    /// checked to carry its own response's nonce.
    /// </summary>
    private static async Task<(IReadOnlyList<AngleSharp.Html.Dom.IHtmlScriptElement> Tag, IReadOnlyList<AngleSharp.Html.Dom.IHtmlScriptElement> Component)>
        TagAndComponentScriptsAsync(SiteClient client)
    {
        var (razorResponse, razorPage) = await client.GetPageAsync("/");
        var (blazorResponse, blazorPage) = await client.GetPageAsync("/blazor");

        var tag = razorPage.Scripts.ToList();
        var component = RendererScripts(blazorPage);
        Assert.All(tag, script => Assert.Equal(CspNonce(razorResponse), script.GetAttribute("nonce")));
        Assert.All(component, script => Assert.Equal(CspNonce(blazorResponse), script.GetAttribute("nonce")));
        return (tag, component);
    }

    /// <summary>The vendor's required settings, and a clock that stands still so that JWTs' iat and exp match across requests.</summary>
    private static WebApplicationFactory<Program> WithFixedClock(SampleSiteFactory factory, string vendor)
    {
        foreach (var (key, value) in VendorSettings.GetValueOrDefault(vendor, []))
        {
            factory.WithSetting($"WidgetIdentity:{key}", value);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
    }
}
