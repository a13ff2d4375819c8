using WidgetIdentity.Testing.Tests.Support;
using static WidgetIdentity.Testing.Tests.Support.TestSite;

namespace WidgetIdentity.Testing.Tests;

/// <summary>The vendors that verify an HMAC of the user id or of the email, read back from what the real renderer writes.</summary>
public sealed class HmacVendorsTests
{
    [Theory]
    [InlineData("Intercom", null, "window.intercomSettings", "name", true)]
    [InlineData("FrontChat", null, "FrontChat(\"init\")", "name", true)]
    [InlineData("Gleap", null, "Gleap.identify", "name", true)]
    [InlineData("Chatbase", "Hmac", "chatbase(\"identify\")", "name", false)]
    public async Task Reads_the_id_its_hash_the_name_and_custom_attributes_of_vendors_that_sign_the_id(
        string vendor, string? signing, string target, string nameField, bool takesAttributes)
    {
        var user = await RenderJane(vendor, signing);

        Assert.Equal((target, WidgetUserSigning.UserIdHash, "7", "7"), (user.Target, user.Signing, user.UserId, user.SignedValue));
        Assert.Equal(Expected.Hmac(Secret, "7"), user.UserHash);
        Assert.Equal(HostileName, user.Fields[nameField]);
        Assert.Equal(takesAttributes, user.CustomAttributes.TryGetValue("plan", out var plan) && plan.GetString() == "gold");
        Assert.True(user.IsSignedWith(Secret));
        Assert.False(user.IsSignedWith(OtherSecret));
    }

    [Theory]
    [InlineData("Crisp", "$crisp", "user:nickname", "user:email", true)]
    [InlineData("HelpScout", "Beacon(\"identify\")", "name", "email", true)]
    [InlineData("Plain", "Plain.setCustomerDetails", "fullName", "email", false)]
    public async Task Reads_the_email_its_hash_the_name_and_custom_attributes_of_vendors_that_sign_the_email(
        string vendor, string target, string nameField, string emailField, bool takesAttributes)
    {
        var user = await RenderJane(vendor, signing: null);

        Assert.Equal((target, WidgetUserSigning.EmailHash, JaneEmail), (user.Target, user.Signing, user.SignedValue));
        Assert.Equal("", user.UserId); // these vendors are given no id
        Assert.Equal(Expected.Hmac(Secret, JaneEmail), user.UserHash);
        Assert.Equal(JaneEmail, user.Fields[emailField]);
        Assert.Equal(HostileName, user.Fields[nameField]);
        Assert.Equal(takesAttributes, user.CustomAttributes.TryGetValue("plan", out var plan) && plan.GetString() == "gold");
        Assert.True(user.IsSignedWith(Secret));
        Assert.False(user.IsSignedWith(OtherSecret));
        Assert.Null(user.Token);
        Assert.Empty(user.TokenClaims);
    }

    [Fact]
    public void An_email_hash_does_not_verify_as_a_hash_of_anything_else()
    {
        var page = $$"""<script>window.Beacon("identify", {"email":"{{JaneEmail}}","signature":"{{Expected.Hmac(Secret, "jane@example.org")}}"});</script>""";

        Assert.False(WidgetUserMarkup.Find(page)!.IsSignedWith(Secret));
    }

    [Fact]
    public async Task An_anonymous_visitor_started_without_identity_is_no_user()
    {
        foreach (var vendor in new[] { "Intercom", "FrontChat", "Featurebase" })
        {
            var page = await Render(vendor, firstName: null, id: null);

            Assert.Null(WidgetUserMarkup.Find(page));
            Assert.False(WidgetUserMarkup.ResetsWidget(page));
        }
    }
}
