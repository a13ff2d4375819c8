using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectHarness;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Zendesk's messaging Web Widget logs the user in with <c>zE("messenger", "loginUser", function (callback) { callback(jwt); })</c>:
/// an HS256 JWT whose header names the signing key (<c>kid</c>) and whose payload has <c>scope: "user"</c> and <c>external_id</c>.
/// </summary>
public sealed class ZendeskDialectTests
{
    private const string KeyId = "app_64f2a0c1e7d3b90012345678";

    [Fact]
    public async Task A_typical_user_is_logged_in_with_a_jwt_naming_the_key_and_carrying_scope_external_id_name_and_email()
    {
        var widget = Widget() with { TokenLifetime = TimeSpan.FromMinutes(5) };
        var user = new WidgetUser("1") { FirstName = "Jane", LastName = "Doe", Email = "jane@example.com", PhoneNumber = "+15550101234", City = "Springfield" };

        var (token, script) = TakeJwt(Write(user, widget));

        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.zE("messenger", "loginUser", function (callback) {
                callback("JWT");
              });
            });
            """.ReplaceLineEndings("\n"),
            script);
        var jwt = await Verify(token, TimeSpan.FromMinutes(5));
        Assert.Equal(KeyId, jwt.Kid);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(["email", "exp", "external_id", "iat", "name", "scope"], ClaimNames(jwt)); // never email_verified: the package cannot know it
        Assert.Equal("user", jwt.GetClaim("scope").Value);
        Assert.Equal("1", jwt.GetClaim("external_id").Value);
        Assert.Equal("Jane Doe", jwt.GetClaim("name").Value);
        Assert.Equal("jane@example.com", jwt.GetClaim("email").Value);
    }

    [Fact]
    public async Task A_user_with_only_an_id_gets_scope_and_external_id_only()
    {
        var (token, _) = TakeJwt(Write(new WidgetUser("42"), Widget()));

        Assert.Equal(["exp", "external_id", "iat", "scope"], ClaimNames(await Verify(token, ResolvedWidget.DefaultTokenLifetime)));
    }

    [Fact]
    public void An_external_id_of_255_characters_is_signed_as_it_is()
    {
        var id = new string('7', 255);

        var (written, issues) = Conform(new WidgetUser(id), Widget());

        Assert.Equal(id, written!.Id);
        Assert.Equal("", issues);
    }

    [Fact]
    public void A_user_id_longer_than_255_characters_leaves_the_identity_out_rather_than_truncating_it()
    {
        var (written, issues) = Conform(new WidgetUser(new string('7', 256)) { Email = "a@b.example" }, Widget("support"));

        Assert.Null(written);
        Assert.Contains("longer than the 255 characters Zendesk accepts as external_id", issues);
        Assert.Contains("WidgetIdentity:Widgets:support:Claims:UserId", issues);
    }

    [Fact]
    public async Task An_email_Zendesk_would_reject_is_left_out_and_named_without_its_value()
    {
        var user = new WidgetUser("1") { Email = "jane at example.com" };

        var (_, issues) = Conform(user, Widget());
        var (token, _) = TakeJwt(Write(user, Widget()));

        Assert.Contains("the email is not an address Zendesk accepts", issues);
        Assert.DoesNotContain("jane at example.com", issues);
        Assert.DoesNotContain("email", ClaimNames(await Verify(token, ResolvedWidget.DefaultTokenLifetime)));
    }

    [Fact]
    public void Reset_first_logs_the_previous_user_out_before_logging_the_new_one_in()
    {
        var (_, script) = TakeJwt(Write(new WidgetUser("2"), Widget(), resetFirst: true));

        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.zE("messenger", "logoutUser");
              window.zE("messenger", "loginUser", function (callback) {
                callback("JWT");
              });
            });
            """.ReplaceLineEndings("\n"),
            script);
    }

    [Fact]
    public void The_reset_for_nobody_logs_the_user_out_and_no_cookie_is_documented()
    {
        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.zE("messenger", "logoutUser");
            });
            """.ReplaceLineEndings("\n"),
            Reset(VendorDialects.Zendesk));
        Assert.Empty(VendorDialects.Zendesk.SessionCookies);
        Assert.Same(VendorDialects.Zendesk, VendorDialects.Find("ZENDESK"));
    }

    [Fact]
    public void Start_up_fails_without_a_key_id_and_says_where_Zendesk_shows_it()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Widgets:help:Vendor"] = "Zendesk",
        });

        Assert.Contains("WidgetIdentity:Widgets:help:KeyId is not set", failure.Message);
        Assert.Contains("End user authentication", failure.Message);
    }

    [Fact]
    public void Start_up_refuses_a_signing_choice_since_Zendesk_verifies_a_jwt_only()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Vendor"] = "Zendesk",
            ["WidgetIdentity:KeyId"] = KeyId,
            ["WidgetIdentity:Signing"] = "Hmac",
        });

        Assert.Contains("WidgetIdentity:Signing is set, but Zendesk offers one way to sign only", failure.Message);
    }

    [Fact]
    public void Start_up_refuses_a_secret_too_short_for_HS256_and_accepts_a_full_one()
    {
        var settings = new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = "TEST-ONLY-short-0123",
            ["WidgetIdentity:Vendor"] = "Zendesk",
            ["WidgetIdentity:KeyId"] = KeyId,
        };

        Assert.Contains("too short to sign the HS256 JWT Zendesk verifies", TestOptions.ValidationFailure(settings).Message);

        settings["WidgetIdentity:Secret"] = TestOptions.Secret;
        Assert.Equal(KeyId, TestOptions.Resolve(settings).KeyId);
    }

    private static ResolvedWidget Widget(string? name = null) => TestSigners.Widget(VendorDialects.Zendesk, name) with { KeyId = KeyId };
}
