using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class HelpScoutWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task Beacon_identify_gets_the_stored_name_email_and_avatar_with_the_HMAC_of_the_email()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.HelpScout, "jane@example.com");

        Assert.Equal(["identify"], widget.Methods);
        ExactJson.Equal(
            new object[] { new { name = jane.FullName, email = jane.Email, avatar = jane.AvatarUrl, signature = Expected.EmailHash(jane.Email!) } },
            widget.Single("identify").Args);
    }
}
