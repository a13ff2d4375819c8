using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class FeaturebaseWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task Boot_gets_the_app_id_and_a_JWT_that_verifies_and_carries_the_stored_user()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Featurebase, "jane@example.com");

        Assert.Equal(["boot"], widget.Methods);
        var boot = widget.Single("boot").Args.Single()!.AsObject();
        Assert.Equal(["appId", "featurebaseJwt"], boot.Select(property => property.Key));
        Assert.Equal(FeaturebaseSite.AppId, boot["appId"]!.GetValue<string>());
        ExactJson.Equal(
            new { userId = jane.Id, email = jane.Email, name = jane.FullName, profilePicture = jane.AvatarUrl },
            await ExpectedJwt.VerifiedClaimsAsync(boot["featurebaseJwt"]!.GetValue<string>()));
    }
}
