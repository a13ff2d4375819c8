using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class IntercomWidgetTests(ChromiumFixture chromium, IntercomSite site) : IClassFixture<IntercomSite>
{
    [Fact]
    public async Task The_Messenger_boots_from_intercomSettings_with_the_stored_user_and_the_HMAC_of_the_id()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, site, "jane@example.com");

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

    [Fact]
    public async Task An_anonymous_visitor_gets_a_boot_with_the_app_id_only()
    {
        var widget = await VendorVisits.AnonymousAsync(chromium, site);

        Assert.Equal(["boot"], widget.Methods);
        ExactJson.Equal(new object[] { new { app_id = IntercomSite.AppId } }, widget.Single("boot").Args);
    }

    [Fact]
    public async Task After_sign_out_the_next_page_shuts_the_Messenger_down_then_boots_it_without_identity()
    {
        var widget = await VendorVisits.AfterSignOutAsync(chromium, site);

        Assert.Equal(["shutdown", "boot"], widget.Methods);
        Assert.Empty(widget.Single("shutdown").Args);
        ExactJson.Equal(new object[] { new { app_id = IntercomSite.AppId } }, widget.Single("boot").Args);
    }
}
