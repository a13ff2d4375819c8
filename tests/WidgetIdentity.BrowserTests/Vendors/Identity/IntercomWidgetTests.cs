using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class IntercomWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task The_Messenger_boots_from_intercomSettings_with_the_stored_user_and_the_HMAC_of_the_id()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Intercom, "jane@example.com");

        Assert.Equal(["boot"], widget.Methods);
        ExactJson.Equal(
            new object[]
            {
                new
                {
                    app_id = IntercomSite.AppId,
                    user_id = jane.Id,
                    email = jane.Email,
                    name = jane.FullName,
                    avatar = new { type = "avatar", image_url = jane.AvatarUrl },
                    user_hash = Expected.Hash(jane.Id),
                },
            },
            widget.Single("boot").Args);
    }
}
