using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Vendors;

[Collection(ChromiumCollection.Name)]
public sealed class AinisaWidgetTests(ChromiumFixture chromium, AinisaSite site) : IClassFixture<AinisaSite>
{
    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("zoe@example.com")] // quotes, </script>, 日本語, an emoji and U+2028 in the name
    public async Task The_Ainisa_script_reads_window_ainisaUser_equal_field_by_field_to_the_stored_user(string email)
    {
        var stored = await site.StoredUserAsync(email);
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.LogInAsync(email);

        var seen = await browser.ReadExactAsync("window.__vendor.user");
        Assert.NotNull(seen);
        Assert.Equal(
            [
                KeyValuePair.Create("user_id", stored.Id),
                KeyValuePair.Create("user_hash", Expected.Hash(stored.Id)),
                KeyValuePair.Create("firstname", stored.FirstName),
                KeyValuePair.Create("lastname", stored.LastName),
                KeyValuePair.Create("email", stored.Email!),
            ],
            BrowserPage.Fields(seen.Value));
        await browser.AssertCleanAsync();
    }
}
