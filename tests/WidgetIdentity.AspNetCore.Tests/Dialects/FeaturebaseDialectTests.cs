using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Dialects;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectTestKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Featurebase: the queueing stub of its snippet, then <c>Featurebase("boot", {appId, featurebaseJwt})</c> with an HS256 JWT of
/// the user (<c>userId</c>, <c>email</c>, <c>name</c>, <c>profilePicture</c>, custom attributes), as its "Creating and signing a JWT" example.
/// </summary>
public sealed class FeaturebaseDialectTests
{
    private const string AppId = "68ac623bb50949d095155ee3";
    private static readonly VendorDialect Featurebase = VendorDialects.Featurebase;
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private const string ExpectedScript =
        """
        if (typeof window.Featurebase !== "function") {
          window.Featurebase = function () { (window.Featurebase.q = window.Featurebase.q || []).push(arguments); };
        }
        window.Featurebase("boot", {"appId":"68ac623bb50949d095155ee3","featurebaseJwt":"JWT"});
        """;

    [Fact]
    public async Task A_typical_user_boots_with_the_app_id_and_a_jwt_of_the_documented_claims_verified_by_the_library()
    {
        var user = new WidgetUser("1")
        {
            FirstName = "Jane", LastName = "Doe", Email = "jane@example.com", AvatarUrl = "https://example.com/images/jane.png",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "Premium", ["seats"] = 5 },
        };

        var script = Render(user, Widget(Featurebase, AppId) with { TokenLifetime = TimeSpan.FromMinutes(5) }, time: new FakeTimeProvider(Now));

        Assert.Equal(ExpectedScript.ReplaceLineEndings("\n"), WithoutJwt(script));
        var jwt = await ValidatedJwt(script);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal("", jwt.Kid);
        Assert.Equal("1", jwt.GetClaim("userId").Value);
        Assert.Equal("jane@example.com", jwt.GetClaim("email").Value);
        Assert.Equal("Jane Doe", jwt.GetClaim("name").Value);
        Assert.Equal("https://example.com/images/jane.png", jwt.GetClaim("profilePicture").Value);
        Assert.Equal("Premium", jwt.GetClaim("plan").Value);
        Assert.Equal(5, jwt.GetPayloadValue<long>("seats"));
        Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(Now.UtcDateTime.AddMinutes(5), jwt.ValidTo);
        Assert.Equal(
            new[] { "email", "exp", "iat", "name", "plan", "profilePicture", "seats", "userId" },
            jwt.Claims.Select(claim => claim.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_user_without_an_email_is_identified_by_the_user_id_alone()
    {
        var script = Render(new WidgetUser("42"), Widget(Featurebase, AppId));

        var jwt = await ValidatedJwt(script);
        Assert.Equal("42", jwt.GetClaim("userId").Value);
        Assert.False(jwt.TryGetClaim("email", out _));
        Assert.False(jwt.TryGetClaim("name", out _));
    }

    [Fact]
    public async Task A_jwt_made_under_another_secret_does_not_verify()
    {
        var script = Render(new WidgetUser("42"), Widget(Featurebase, AppId, secret: "TEST-ONLY-another-featurebase-secret-0123"));

        await Assert.ThrowsAnyAsync<Exception>(() => ValidatedJwt(script));
    }

    [Theory]
    [InlineData("/avatars/7.png")]
    [InlineData("javascript:alert(1)")]
    public void A_profile_picture_that_is_not_an_absolute_http_url_is_left_out(string avatar)
    {
        var (written, issues) = Conform(new WidgetUser("7") { AvatarUrl = avatar }, Widget(Featurebase, AppId));

        Assert.Null(written!.AvatarUrl);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", issues);
        Assert.DoesNotContain(avatar, issues);
    }

    [Fact]
    public void An_email_that_is_not_an_address_is_left_out()
    {
        var (written, issues) = Conform(new WidgetUser("7") { Email = "not-an-address" }, Widget(Featurebase, AppId));

        Assert.Null(written!.Email);
        Assert.Contains("WidgetIdentity:Claims:Email", issues);
    }

    [Fact]
    public async Task A_custom_attribute_named_like_a_featurebase_or_token_claim_is_left_out_and_never_overwrites_it()
    {
        var user = new WidgetUser("7")
        {
            CustomAttributes = new Dictionary<string, object?> { ["userId"] = "someone-else", ["exp"] = 9999999999L, ["plan"] = "gold" },
        };

        var (written, issues) = Conform(user, Widget(Featurebase, AppId));
        var jwt = await ValidatedJwt(Render(user, Widget(Featurebase, AppId)));

        Assert.Equal(["plan"], written!.CustomAttributes!.Keys);
        Assert.Contains("\"userId\" was left out", issues);
        Assert.Contains("\"exp\" was left out", issues);
        Assert.Contains("(rename it in WidgetIdentity:Claims:CustomAttributes or in your IWidgetUserResolver)", issues);
        Assert.Equal("7", jwt.GetClaim("userId").Value);
    }

    [Fact]
    public async Task Decimal_and_date_attributes_are_written_as_json_numbers_and_iso_text()
    {
        var user = new WidgetUser("7")
        {
            CustomAttributes = new Dictionary<string, object?> { ["mrr"] = 12.5m, ["since"] = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero) },
        };

        var jwt = await ValidatedJwt(Render(user, Widget(Featurebase, AppId)));

        Assert.Equal(12.5, jwt.GetPayloadValue<double>("mrr"));
        Assert.Equal("2024-05-01T00:00:00.0000000+00:00", jwt.GetPayloadValue<string>("since"));
    }

    [Fact]
    public async Task Unsigned_64_bit_attributes_are_exact_json_integers_when_they_fit_a_long_and_json_numbers_beyond()
    {
        var user = new WidgetUser("7")
        {
            CustomAttributes = new Dictionary<string, object?> { ["largest"] = (ulong)long.MaxValue, ["huge"] = ulong.MaxValue },
        };

        var jwt = await ValidatedJwt(Render(user, Widget(Featurebase, AppId)));

        Assert.Contains("\"largest\":9223372036854775807", Base64UrlEncoder.Decode(jwt.EncodedPayload));
        Assert.Equal(18446744073709551615d, jwt.GetPayloadValue<double>("huge"));
    }

    [Fact]
    public void With_no_documented_logout_reset_first_writes_the_same_boot_and_no_reset_is_written_after_sign_out()
    {
        var time = new FakeTimeProvider(Now);
        var widget = Widget(Featurebase, AppId);
        var user = new WidgetUser("7") { Email = "a@b.example" };

        Assert.Equal(Render(user, widget, resetFirst: false, time: time), Render(user, widget, resetFirst: true, time: time));
        Assert.Equal((false, ""), Reset(Featurebase));
    }

    [Fact]
    public void The_app_id_is_written_as_a_json_string_literal()
    {
        var script = Render(new WidgetUser("7"), Widget(Featurebase, "</script><b>"));

        Assert.Contains("{\"appId\":\"\\u003C/script\\u003E\\u003Cb\\u003E\",", script);
    }

    [Fact]
    public void Featurebase_loads_its_sdk_after_the_boot_call_and_keeps_no_documented_session_cookie()
    {
        Assert.Equal("https://do.featurebase.app/js/sdk.js", Featurebase.DefaultScriptUrl);
        Assert.Empty(Featurebase.SessionCookies);
        Assert.Same(Featurebase, VendorDialects.Find("featurebase"));
    }

    [Fact]
    public void Start_up_requires_the_app_id_and_says_where_to_find_it()
    {
        var failure = TestOptions.ValidationFailure(Settings("Ainisa", ("Widgets:feedback:Vendor", "Featurebase")));

        Assert.Contains("WidgetIdentity:Widgets:feedback:AppId is not set", failure.Message);
        Assert.Contains("Featurebase's boot call needs your workspace's App ID", failure.Message);
        Assert.Contains("Settings > Developers > Installation", failure.Message);
    }

    [Fact]
    public void Start_up_refuses_a_signing_choice_and_a_secret_too_short_for_hs256()
    {
        var failure = TestOptions.ValidationFailure(
            Settings("Featurebase", ("Secret", "TEST-ONLY-short-but-16+"), ("AppId", AppId), ("Signing", "Hmac")));

        Assert.Contains("WidgetIdentity:Signing is set, but Featurebase offers one way to sign only", failure.Message);
        Assert.Contains("WidgetIdentity:Secret is too short to sign the HS256 JWT Featurebase verifies", failure.Message);
    }

    [Fact]
    public void Start_up_accepts_Featurebase_with_the_app_id_and_a_full_length_secret()
    {
        Assert.Equal(AppId, TestOptions.Resolve(Settings("Featurebase", ("AppId", AppId))).AppId);
    }
}
