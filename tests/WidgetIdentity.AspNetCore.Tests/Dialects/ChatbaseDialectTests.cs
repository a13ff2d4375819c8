using System.Text;
using System.Text.Json;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Tests.Hashing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectHarness;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Chatbase identifies the user with <c>window.chatbase("identify", {token})</c>, an HS256 JWT with <c>user_id</c>, <c>email</c>,
/// <c>name</c>, <c>phonenumber</c>, <c>custom_attributes</c> and <c>exp</c>; with <c>"Signing": "Hmac"</c> the deprecated
/// <c>{user_id, user_hash, user_metadata}</c>; <c>window.chatbase("resetUser")</c> forgets the user.
/// </summary>
public sealed class ChatbaseDialectTests
{
    private static readonly WidgetUser Jane = new("1")
    {
        Name = "Jane Doe", Email = "jane@example.com", PhoneNumber = "+1 (555) 010-1234", CompanyName = "Acme", City = "Springfield",
        CustomAttributes = new Dictionary<string, object?> { ["plan"] = "premium", ["orders"] = 12, ["vip"] = true },
    };

    [Fact]
    public async Task A_typical_user_is_identified_with_a_jwt_only_carrying_the_documented_claims()
    {
        var widget = Widget() with { TokenLifetime = TimeSpan.FromMinutes(5) };

        var (token, script) = TakeJwt(Write(Jane, widget));

        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.chatbase("identify", {"token":"JWT"});
            });
            """.ReplaceLineEndings("\n"),
            script);
        var jwt = await Verify(token, TimeSpan.FromMinutes(5));
        Assert.False(jwt.TryGetHeaderValue<string>("kid", out _));
        Assert.Equal(["custom_attributes", "email", "exp", "iat", "name", "phonenumber", "user_id"], ClaimNames(jwt));
        Assert.Equal("1", jwt.GetClaim("user_id").Value);
        Assert.Equal("jane@example.com", jwt.GetClaim("email").Value);
        Assert.Equal("Jane Doe", jwt.GetClaim("name").Value);
        Assert.Equal("+15550101234", jwt.GetClaim("phonenumber").Value);
        var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(token.Split('.')[1]))));
        Assert.Equal(
            """{"plan":"premium","orders":12,"vip":true}""",
            payload.RootElement.GetProperty("custom_attributes").GetRawText());
    }

    [Fact]
    public async Task A_user_with_only_an_id_gets_a_token_with_the_id_only()
    {
        var (token, _) = TakeJwt(Write(new WidgetUser("42"), Widget()));

        Assert.Equal(["exp", "iat", "user_id"], ClaimNames(await Verify(token, ResolvedWidget.DefaultTokenLifetime)));
    }

    [Fact]
    public void Fields_Chatbase_would_reject_are_left_out_and_named_without_their_values()
    {
        var user = new WidgetUser("1") { Email = "jane at example.com", PhoneNumber = "555-0101" };

        var (written, issues) = Conform(user, Widget());

        Assert.Null(written!.Email);
        Assert.Null(written.PhoneNumber);
        Assert.Contains("the email is not an address Chatbase accepts", issues);
        Assert.Contains("phone number is not a full international number", issues);
        Assert.DoesNotContain("555-0101", issues);
    }

    [Fact]
    public void With_Signing_Hmac_the_deprecated_shape_carries_the_hash_of_the_id_and_the_metadata()
    {
        var (written, issues) = Conform(Jane, Legacy());

        Assert.Equal(
            $$$"""
            window.addEventListener("load", function () {
              window.chatbase("identify", {"user_id":"1","user_hash":"{{{Hmac("1")}}}","user_metadata":{"name":"Jane Doe","email":"jane@example.com","company":"Acme"}});
            });
            """.ReplaceLineEndings("\n"),
            Write(Jane, Legacy()));
        Assert.Null(written!.CustomAttributes);
        Assert.Contains("the phone number and custom attributes were left out: Chatbase's user-hash identify takes only a name, email and company", issues);
        Assert.Contains("set WidgetIdentity:Signing to Jwt", issues);
    }

    [Theory]
    [InlineData("+15550101234", false)]
    [InlineData(null, true)]
    public void With_Signing_Hmac_a_phone_number_or_custom_attributes_alone_are_reported_left_out(string? phone, bool customAttributes)
    {
        var user = new WidgetUser("7")
        {
            PhoneNumber = phone, CustomAttributes = customAttributes ? new Dictionary<string, object?> { ["plan"] = "gold" } : null,
        };

        var (_, issues) = Conform(user, Legacy());

        Assert.Equal(
            $$"""window.chatbase("identify", {"user_id":"7","user_hash":"{{Hmac("7")}}"});""",
            Write(user, Legacy()).Split('\n')[1].Trim());
        Assert.Contains("the phone number and custom attributes were left out", issues);
    }

    [Fact]
    public void With_Signing_Hmac_a_user_with_no_phone_and_an_empty_set_of_custom_attributes_gets_no_warning()
    {
        var (_, issues) = Conform(new WidgetUser("7") { Name = "Jane", CustomAttributes = new Dictionary<string, object?>() }, Legacy());

        Assert.Equal("", issues);
    }

    [Fact]
    public void With_Signing_Hmac_a_user_with_only_an_id_gets_no_metadata()
    {
        Assert.Contains(
            $$"""window.chatbase("identify", {"user_id":"7","user_hash":"{{Hmac("7")}}"});""",
            Write(new WidgetUser("7"), Legacy()),
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WidgetIdentityHashTests.SharedVectors), MemberType = typeof(WidgetIdentityHashTests))]
    public void The_legacy_user_hash_matches_every_row_of_the_shared_vectors(string secret, string userId, string expectedHash)
    {
        var widget = Legacy() with { SecretKey = Encoding.UTF8.GetBytes(secret) };

        Assert.Contains($"\"user_hash\":\"{expectedHash}\"", Write(new WidgetUser(userId), widget), StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_metadata_past_1000_characters_loses_whole_fields_from_the_last_never_a_cut_value()
    {
        var user = new WidgetUser("7") { Name = "Jane", Email = "jane@example.com", CompanyName = new string('A', 990) };

        var (written, issues) = Conform(user, Legacy());

        Assert.Equal("Jane", written!.Name);
        Assert.Equal("jane@example.com", written.Email);
        Assert.Null(written.CompanyName);
        Assert.Contains("the company would take Chatbase's user_metadata past its 1000 characters", issues);
        Assert.Contains("WidgetIdentity:Claims:CompanyName", issues);
    }

    [Fact]
    public void Legacy_metadata_of_exactly_1000_characters_keeps_the_name_one_more_leaves_it_out()
    {
        // "name" (4) + 996 characters is exactly 1000: Chatbase keeps it whole.
        var (atLimit, noIssues) = Conform(new WidgetUser("7") { Name = new string('n', 996) }, Legacy());
        Assert.Equal(new string('n', 996), atLimit!.Name);
        Assert.Equal("", noIssues);

        var (past, issues) = Conform(new WidgetUser("7") { Name = new string('n', 997) }, Legacy());
        Assert.Null(past!.Name);
        Assert.Contains("the name would take Chatbase's user_metadata past its 1000 characters", issues);
        Assert.Contains("WidgetIdentity:Claims:Name", issues);
        Assert.Equal(
            $$"""window.chatbase("identify", {"user_id":"7","user_hash":"{{Hmac("7")}}"});""",
            Write(new WidgetUser("7") { Name = new string('n', 997) }, Legacy()).Split('\n')[1].Trim());
    }

    [Fact]
    public void Legacy_metadata_past_1000_characters_leaves_out_the_email_before_the_name()
    {
        // "name" (4) + 976 + "email" (5) + "jane@example.com" (16) is 1001.
        var user = new WidgetUser("7") { Name = new string('n', 976), Email = "jane@example.com" };

        var (written, issues) = Conform(user, Legacy());

        Assert.Equal(new string('n', 976), written!.Name);
        Assert.Null(written.Email);
        Assert.Contains("the email would take Chatbase's user_metadata past its 1000 characters", issues);
        Assert.Contains("WidgetIdentity:Claims:Email", issues);
    }

    [Fact]
    public void Reset_first_resets_the_previous_user_before_identifying_the_new_one()
    {
        var (_, script) = TakeJwt(Write(new WidgetUser("2"), Widget(), resetFirst: true));

        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.chatbase("resetUser");
              window.chatbase("identify", {"token":"JWT"});
            });
            """.ReplaceLineEndings("\n"),
            script);
    }

    [Fact]
    public void The_reset_for_nobody_is_resetUser_and_no_cookie_is_documented()
    {
        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.chatbase("resetUser");
            });
            """.ReplaceLineEndings("\n"),
            Reset(VendorDialects.Chatbase));
        Assert.Empty(VendorDialects.Chatbase.SessionCookies);
        Assert.Same(VendorDialects.Chatbase, VendorDialects.Find(" chatbase "));
    }

    [Fact]
    public void Start_up_checks_the_secret_as_an_HS256_key_unless_Signing_is_Hmac()
    {
        var settings = new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = "TEST-ONLY-short-0123",
            ["WidgetIdentity:Vendor"] = "Chatbase",
        };

        Assert.Contains("too short to sign the HS256 JWT Chatbase verifies", TestOptions.ValidationFailure(settings).Message);

        settings["WidgetIdentity:Signing"] = "Hmac";
        Assert.Equal(WidgetSigning.Hmac, TestOptions.Resolve(settings).Signing);
    }

    private static ResolvedWidget Widget() => TestSigners.Widget(VendorDialects.Chatbase);

    private static ResolvedWidget Legacy() => Widget() with { Signing = WidgetSigning.Hmac };

    private static string PadBase64(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }
}
