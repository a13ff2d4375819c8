using WidgetIdentity.Dialects;
using WidgetIdentity.Tests.Hashing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectTestKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>Gleap: <c>Gleap.identify(userId, {...}, userHash)</c> with the HMAC of the id, queued by Gleap's snippet; <c>clearIdentity()</c> to forget.</summary>
public sealed class GleapDialectTests
{
    private static readonly VendorDialect Gleap = VendorDialects.Gleap;

    [Fact]
    public void A_typical_user_is_identified_with_the_documented_fields_and_the_hash_of_the_id()
    {
        var user = new WidgetUser("1")
        {
            FirstName = "Jane", LastName = "Doe", Email = "jane@example.com", PhoneNumber = "+1 (902) 123123", CompanyName = "ACME inc.",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "Pro plan", ["seats"] = 5, ["trial"] = false },
        };

        Assert.Equal(
            """window.Gleap.identify("1", {"name":"Jane Doe","email":"jane@example.com","phone":"+1 (902) 123123","companyName":"ACME inc.","customData":{"plan":"Pro plan","seats":5,"trial":false}}, "HASH");"""
                .Replace("HASH", Hmac(TestOptions.Secret, "1"), StringComparison.Ordinal),
            Render(user, Widget(Gleap)));
    }

    [Fact]
    public void A_user_with_only_an_id_is_identified_with_empty_user_data()
    {
        var (_, issues) = Conform(new WidgetUser("42"), Widget(Gleap));

        Assert.Equal($$"""window.Gleap.identify("42", {}, "{{Hmac(TestOptions.Secret, "42")}}");""", Render(new WidgetUser("42"), Widget(Gleap)));
        Assert.Equal("", issues);
    }

    [Theory]
    [MemberData(nameof(WidgetIdentityHashTests.SharedVectors), MemberType = typeof(WidgetIdentityHashTests))]
    public void The_user_hash_in_the_script_matches_every_row_of_the_shared_vectors(string secret, string userId, string expectedHash)
    {
        var script = Render(new WidgetUser(userId), Widget(Gleap, secret: secret), secret: secret);

        Assert.EndsWith($", \"{expectedHash}\");", script);
    }

    [Fact]
    public void Fields_Gleap_does_not_document_are_left_out()
    {
        var user = new WidgetUser("7") { AvatarUrl = "https://cdn.example/a.png", City = "Springfield", CountryCode = "US", Description = "VIP" };

        Assert.Equal($$"""window.Gleap.identify("7", {}, "{{Hmac(TestOptions.Secret, "7")}}");""", Render(user, Widget(Gleap)));
    }

    [Fact]
    public void An_email_that_is_not_an_address_is_left_out_and_the_claim_setting_is_named_never_the_value()
    {
        var (written, issues) = Conform(new WidgetUser("7") { Email = "jane at example.com" }, Widget(Gleap, name: "help"));

        Assert.Null(written!.Email);
        Assert.Contains("WidgetIdentity:Widgets:help:Claims:Email", issues);
        Assert.DoesNotContain("jane at example.com", issues);
    }

    [Fact]
    public void Custom_data_past_Gleaps_limit_of_35_keys_is_left_out_keeping_the_first_ones()
    {
        var attributes = Enumerable.Range(1, 40).ToDictionary(i => $"key{i}", i => (object?)i);

        var (written, issues) = Conform(new WidgetUser("7") { CustomAttributes = attributes }, Widget(Gleap));

        Assert.Equal(GleapDialect.MaxCustomDataKeys, written!.CustomAttributes!.Count);
        Assert.Equal(Enumerable.Range(1, 35).Select(i => $"key{i}"), written.CustomAttributes.Keys);
        Assert.Contains("5 custom attributes past Gleap's limit of 35", issues);
        Assert.Contains("(check WidgetIdentity:Claims:CustomAttributes or the attributes your IWidgetUserResolver returns)", issues);
    }

    [Fact]
    public void Custom_data_of_exactly_35_keys_is_sent_whole_without_a_warning()
    {
        var attributes = Enumerable.Range(1, 35).ToDictionary(i => $"key{i}", i => (object?)i);

        var (written, issues) = Conform(new WidgetUser("7") { CustomAttributes = attributes }, Widget(Gleap));

        Assert.Equal(Enumerable.Range(1, 35).Select(i => $"key{i}"), written!.CustomAttributes!.Keys);
        Assert.Equal("", issues);
    }

    [Fact]
    public void Custom_data_Gleap_cannot_store_is_left_out()
    {
        var (written, issues) = Conform(new WidgetUser("7") { CustomAttributes = new Dictionary<string, object?> { ["tags"] = new[] { "a" } } }, Widget(Gleap));

        Assert.Null(written!.CustomAttributes);
        Assert.Contains("\"tags\" holds a String[]", issues);
    }

    [Fact]
    public void Reset_first_clears_the_previous_identity_before_identifying_the_new_user_both_queued_in_order()
    {
        Assert.Equal(
            $$"""
            window.Gleap.clearIdentity();
            window.Gleap.identify("7", {"email":"a@b.example"}, "{{Hmac(TestOptions.Secret, "7")}}");
            """.ReplaceLineEndings("\n"),
            Render(new WidgetUser("7") { Email = "a@b.example" }, Widget(Gleap), resetFirst: true));
    }

    [Fact]
    public void The_reset_after_sign_out_is_clearIdentity()
    {
        Assert.Equal((true, "window.Gleap.clearIdentity();"), Reset(Gleap));
    }

    [Fact]
    public void Gleap_keeps_no_documented_session_cookie_its_snippet_loads_the_sdk_and_the_preview_has_a_gleap_mode()
    {
        Assert.Empty(Gleap.SessionCookies);
        Assert.Null(Gleap.DefaultScriptUrl);
        Assert.Equal("mode=gleap", Gleap.PreviewQuery);
    }

    [Theory]
    [InlineData("Gleap")]
    [InlineData("gleap")]
    public void The_vendor_name_is_case_insensitive(string configured)
    {
        Assert.Same(Gleap, VendorDialects.Find(configured));
    }

    [Fact]
    public void Start_up_accepts_Gleap_with_only_the_secret()
    {
        Assert.Equal("Gleap", TestOptions.Resolve(Settings("Gleap")).Vendor);
    }

    [Fact]
    public void Start_up_refuses_a_signing_choice_Gleap_does_not_offer()
    {
        var failure = TestOptions.ValidationFailure(Settings("Gleap", ("Signing", "Jwt")));

        Assert.Contains("WidgetIdentity:Signing is set, but Gleap offers one way to sign only", failure.Message);
    }
}
