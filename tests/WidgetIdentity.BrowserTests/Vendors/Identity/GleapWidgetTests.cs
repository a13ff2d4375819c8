using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class GleapWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task Identify_gets_the_stored_id_name_and_email_with_the_HMAC_of_the_id()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Gleap, "jane@example.com");

        Assert.Equal(["identify"], widget.Methods);
        ExactJson.Equal(
            new object[] { jane.Id, new { name = jane.FullName, email = jane.Email }, Expected.Hash(jane.Id) },
            widget.Single("identify").Args);
    }
}
