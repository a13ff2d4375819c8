using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class ChatbaseWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task Identify_gets_only_a_JWT_that_verifies_and_carries_the_stored_id_email_and_name()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Chatbase, "jane@example.com");

        Assert.Equal(["identify"], widget.Methods);
        var identify = widget.Single("identify").Args;
        Assert.Equal(["token"], identify.Single()!.AsObject().Select(property => property.Key));
        ExactJson.Equal(
            new { user_id = jane.Id, email = jane.Email, name = jane.FullName },
            await ExpectedJwt.VerifiedClaimsAsync(identify[0]!["token"]!.GetValue<string>()));
    }
}
