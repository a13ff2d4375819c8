using WidgetIdentity.IntegrationTests.Infrastructure;
using WidgetIdentity.Testing;

namespace WidgetIdentity.IntegrationTests.Blazor;

/// <summary>
/// <c>WidgetIdentity.Testing</c>, as the README's testing section shows it, on a Blazor page's raw HTML: the component's
/// page script does not get in its way, and it finds the signed user there as on a Razor page.
/// </summary>
public sealed class TestingPackageOnBlazorPagesTests
{
    [Fact]
    public async Task WidgetUserMarkup_finds_the_signed_user_on_a_Blazor_page_and_nobody_on_an_anonymous_one()
    {
        await using var site = new SampleSiteFactory("Chatwoot");
        var anonymous = await SiteClient.Anonymous(site).Http.GetStringAsync("/blazor");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        var html = await client.Http.GetStringAsync("/blazor");

        var user = WidgetUserMarkup.Find(html);
        Assert.NotNull(user);
        Assert.Equal(DemoLogins.Jane.Id, user.UserId);
        Assert.True(user.IsSignedWith(SampleSiteFactory.Secret));
        Assert.Null(WidgetUserMarkup.Find(anonymous));
    }
}
