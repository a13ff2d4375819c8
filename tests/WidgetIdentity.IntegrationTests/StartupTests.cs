using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests;

/// <summary>Development runs out of the box on a marked demo secret; Production refuses to start without a real one.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Production_without_a_secret_refuses_to_start_naming_WidgetIdentity_Secret()
    {
        await using var site = new SampleSiteFactory(environment: "Production", secret: null);

        var failure = Record.Exception(() => site.CreateClient());

        Assert.NotNull(failure);
        var message = failure.ToString();
        Assert.Contains("WidgetIdentity:Secret is not set", message);
        Assert.Contains("WidgetIdentity__Secret", message); // and says how to set it
        Assert.Contains("`dotnet user-secrets init`", message); // before `set`, which a template app refuses without it
    }

    [Theory]
    [InlineData("sh0rt-s3cret")] // shorter than 16 characters
    [InlineData("your_secret_key_here")] // the vendor docs' placeholder
    public async Task Production_with_an_unusable_secret_refuses_to_start_without_echoing_it(string secret)
    {
        await using var site = new SampleSiteFactory(environment: "Production", secret: secret);

        var failure = Record.Exception(() => site.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("WidgetIdentity:Secret", failure.ToString());
        Assert.DoesNotContain(secret, failure.ToString());
    }

    [Fact]
    public async Task Production_with_a_real_secret_starts()
    {
        await using var site = new SampleSiteFactory(environment: "Production").WithSetting("SampleSite:SeedDemoUsers", "false");

        var page = await SiteClient.Anonymous(site).GetDocumentAsync("/");

        Assert.Equal(["https://chatbot.ainisa.com/widget.js"], ScriptSources(page));
    }

    [Fact]
    public async Task Development_runs_out_of_the_box_on_the_clearly_marked_demo_secret()
    {
        const string demoSecret = "DEMO-ONLY-widgetidentity-sample-secret-do-not-use"; // sample-site/appsettings.Development.json
        await using var site = new SampleSiteFactory(secret: null);

        var page = await (await SiteClient.LogInAsync(site, DemoLogins.Jane.Email)).GetDocumentAsync("/");

        Assert.Equal(ExpectedHash(demoSecret, DemoLogins.Jane.Id), Field(AinisaUser(page), "user_hash"));
    }
}
