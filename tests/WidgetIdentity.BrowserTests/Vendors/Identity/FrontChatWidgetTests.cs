using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Vendors.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class FrontChatWidgetTests(ChromiumFixture chromium, VendorSites sites)
{
    [Fact]
    public async Task Init_gets_the_chat_id_and_the_stored_id_email_and_name_with_the_HMAC_of_the_id()
    {
        var (jane, widget) = await VendorVisits.LoggedInAsync(chromium, sites.FrontChat, "jane@example.com");

        Assert.Equal(["init"], widget.Methods);
        ExactJson.Equal(
            new object[]
            {
                new
                {
                    chatId = FrontChatSite.ChatId,
                    useDefaultLauncher = true,
                    userId = jane.Id,
                    email = jane.Email,
                    name = jane.FullName,
                    userHash = Expected.Hash(jane.Id),
                },
            },
            widget.Single("init").Args);
    }
}
