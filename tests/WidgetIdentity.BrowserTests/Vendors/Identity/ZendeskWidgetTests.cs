using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class ZendeskWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task LoginUser_hands_over_a_JWT_under_the_key_id_that_verifies_and_carries_the_stored_user()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Zendesk, "jane@example.com");

        Assert.Equal(["loginUser"], widget.Methods);
        ExactJson.Equal(
            new { scope = "user", external_id = jane.Id, name = jane.FullName, email = jane.Email },
            await ExpectedJwt.VerifiedClaimsAsync(widget.Single("loginUser").Args.Single()!.GetValue<string>(), ZendeskSite.KeyId));
    }
}
