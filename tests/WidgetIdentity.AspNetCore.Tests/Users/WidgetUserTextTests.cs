using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Users;

public sealed class WidgetUserTextTests
{
    private static readonly WidgetUser Everything = new("7")
    {
        Email = "ann@example.com", Name = "Ann Lee", FirstName = "Ann", LastName = "Lee", AvatarUrl = "https://example.com/ann.png",
        PhoneNumber = "+15550100007", CompanyName = "Acme", Description = "Gold customer", CountryCode = "NZ", City = "Wellington",
    };

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_field_is_sent_as_unknown_even_when_every_other_field_is_known(string blank)
    {
        var user = WidgetUserText.WithoutBlankFields(Everything with { City = blank });

        Assert.Equal(Everything with { City = null }, user);
    }

    [Fact]
    public void A_user_without_blank_fields_is_sent_as_it_is()
    {
        Assert.Equal(Everything, WidgetUserText.WithoutBlankFields(Everything));
    }
}
