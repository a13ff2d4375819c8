using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests;

/// <summary>With ASP.NET Core cookie consent (UseCookiePolicy + CheckConsentNeeded), personal data waits for consent.</summary>
public sealed class ConsentTests
{
    [Fact]
    public async Task Signed_in_user_who_has_not_consented_sends_the_widget_no_personal_data_until_they_accept()
    {
        await using var site = new SampleSiteFactory("Ainisa").WithSetting("SampleSite:RequireCookieConsent", "true");
        var jane = DemoLogins.Jane;
        var client = await SiteClient.LogInAsync(site, jane.Email);

        var page = await client.GetDocumentAsync("/");

        Assert.Empty(InlineScripts(page));
        Assert.Equal(["https://chatbot.ainisa.com/widget.js"], ScriptSources(page));
        Assert.DoesNotContain(ExpectedHash(SampleSiteFactory.Secret, jane.Id), page.Source.Text);

        var accept = page.QuerySelector<IHtmlFormElement>("form.consent")!;
        await client.SubmitAsync("/", accept);
        var afterConsent = await client.GetDocumentAsync("/");

        Assert.Equal(jane.Email, Field(AinisaUser(afterConsent), "email"));
    }
}
