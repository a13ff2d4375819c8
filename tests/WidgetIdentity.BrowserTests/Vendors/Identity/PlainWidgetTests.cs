using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class PlainWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task SetCustomerDetails_gets_the_stored_email_names_and_avatar_with_the_HMAC_of_the_email()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Plain, "jane@example.com");

        Assert.Equal(["setCustomerDetails"], widget.Methods);
        ExactJson.Equal(
            new object[]
            {
                new
                {
                    email = jane.Email,
                    emailHash = Expected.EmailHash(jane.Email!),
                    fullName = jane.FullName,
                    shortName = jane.FirstName,
                    chatAvatarUrl = jane.AvatarUrl,
                },
            },
            widget.Single("setCustomerDetails").Args);
    }
}
