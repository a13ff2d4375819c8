using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Users;

/// <summary>Which fields a profile mapping takes from the app's user row, and which the claims keep.</summary>
public sealed class ProfileFieldsTests
{
    private static readonly Row Entity = new("row");

    private static WidgetUserProfile<Row> EveryField()
    {
        var profile = new WidgetUserProfile<Row>
        {
            Email = row => $"{row.Tag}@example.com",
            Name = row => $"{row.Tag} name",
            FirstName = row => $"{row.Tag} first",
            LastName = row => $"{row.Tag} last",
            AvatarUrl = row => $"https://example.com/{row.Tag}.png",
            PhoneNumber = row => $"+1555{row.Tag}",
            CompanyName = row => $"{row.Tag} company",
            Description = row => $"{row.Tag} description",
            CountryCode = row => $"{row.Tag} country",
            City = row => $"{row.Tag} city",
        };
        profile.CustomAttributes["plan"] = row => $"{row.Tag} plan";
        profile.CustomAttributes["seats"] = _ => 12;
        return profile;
    }

    [Fact]
    public void Every_field_the_claims_lack_is_read_from_the_row()
    {
        var filled = ProfileFields.Fill(EveryField(), new WidgetUser("7"), Entity);

        Assert.Equal(new WidgetUser("7")
        {
            Email = "row@example.com", Name = "row name", FirstName = "row first", LastName = "row last",
            AvatarUrl = "https://example.com/row.png", PhoneNumber = "+1555row", CompanyName = "row company",
            Description = "row description", CountryCode = "row country", City = "row city",
            CustomAttributes = filled.CustomAttributes,
        }, filled);
        Assert.Equal(new Dictionary<string, object?> { ["plan"] = "row plan", ["seats"] = 12 }, filled.CustomAttributes);
    }

    [Fact]
    public void Every_field_the_claims_carry_wins_over_the_row()
    {
        var fromClaims = new WidgetUser("7")
        {
            Email = "claim@example.com", Name = "claim name", FirstName = "claim first", LastName = "claim last",
            AvatarUrl = "https://example.com/claim.png", PhoneNumber = "+1555claim", CompanyName = "claim company",
            Description = "claim description", CountryCode = "claim country", City = "claim city",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "claim plan", ["seats"] = "3" },
        };

        var filled = ProfileFields.Fill(EveryField(), fromClaims, Entity);

        Assert.Equal(fromClaims with { CustomAttributes = filled.CustomAttributes }, filled);
        Assert.Equal(new Dictionary<string, object?> { ["plan"] = "claim plan", ["seats"] = "3" }, filled.CustomAttributes);
    }

    [Fact]
    public void Custom_attributes_from_the_claims_stay_beside_those_read_from_the_row()
    {
        var profile = EveryField();
        profile.CustomAttributes["tier"] = _ => "pro";
        var fromClaims = new WidgetUser("7") { CustomAttributes = new Dictionary<string, object?> { ["plan"] = "claim plan", ["region"] = "eu" } };

        var filled = ProfileFields.Fill(profile, fromClaims, Entity);

        Assert.Equal(
            new Dictionary<string, object?> { ["plan"] = "claim plan", ["region"] = "eu", ["seats"] = 12, ["tier"] = "pro" },
            filled.CustomAttributes);
    }

    [Fact]
    public void Only_a_mapped_custom_attribute_the_claims_lack_makes_the_row_worth_loading()
    {
        var profile = new WidgetUserProfile<Row>();
        profile.CustomAttributes["plan"] = row => row.Tag;

        Assert.True(ProfileFields.AnyMissing(profile, new WidgetUser("7")));
        Assert.True(ProfileFields.AnyMissing(profile, new WidgetUser("7") { CustomAttributes = new Dictionary<string, object?> { ["region"] = "eu" } }));
        Assert.False(ProfileFields.AnyMissing(profile, new WidgetUser("7") { CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold" } }));
    }

    public sealed record Row(string Tag);
}
