using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class CrispWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task The_queue_sets_the_stored_email_with_its_HMAC_then_the_nickname_and_avatar()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.Crisp, "jane@example.com");

        ExactJson.Equal(
            new object[]
            {
                new { method = "set user:email", args = new object[] { new[] { jane.Email, Expected.EmailHash(jane.Email!) } } },
                new { method = "set user:nickname", args = new object[] { new[] { jane.FullName } } },
                new { method = "set user:avatar", args = new object[] { new[] { jane.AvatarUrl } } },
            },
            widget.ToJson());
    }
}
