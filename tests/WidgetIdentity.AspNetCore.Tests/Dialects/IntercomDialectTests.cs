using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Hashing;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Tests.Hashing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectHarness;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Intercom's Messenger boots from <c>window.intercomSettings</c>: <c>app_id</c>, the user's fields and <c>user_hash</c> (HMAC of
/// the id), or <c>intercom_user_jwt</c> with the signed fields left out of the plain settings; <c>Intercom('shutdown')</c> forgets the visitor.
/// </summary>
public sealed class IntercomDialectTests
{
    private static readonly WidgetUser Jane = new("1")
    {
        FirstName = "Jane", LastName = "Doe", Email = "jane@example.com", PhoneNumber = "+15550101234", AvatarUrl = "https://cdn.example/jane.png",
        CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold", ["orders"] = 12 },
    };

    [Fact]
    public void A_typical_user_gets_intercomSettings_with_the_app_id_their_fields_the_avatar_object_and_the_hash_of_the_id()
    {
        Assert.Equal(
            $$"""window.intercomSettings = {"app_id":"abc123","user_id":"1","email":"jane@example.com","name":"Jane Doe","phone":"+15550101234","avatar":{"type":"avatar","image_url":"https://cdn.example/jane.png"},"user_hash":"{{Hmac("1")}}","plan":"gold","orders":12};""",
            Write(Jane, Widget()));
    }

    [Fact]
    public async Task With_Signing_Jwt_the_id_and_email_travel_only_in_intercom_user_jwt()
    {
        var widget = Widget() with { Signing = WidgetSigning.Jwt, TokenLifetime = TimeSpan.FromMinutes(5) };

        var (token, script) = TakeJwt(Write(Jane, widget));

        Assert.Equal(
            """window.intercomSettings = {"app_id":"abc123","intercom_user_jwt":"JWT","name":"Jane Doe","phone":"+15550101234","avatar":{"type":"avatar","image_url":"https://cdn.example/jane.png"},"plan":"gold","orders":12};""",
            script);
        var jwt = await Verify(token, TimeSpan.FromMinutes(5));
        Assert.Equal(["email", "exp", "iat", "user_id"], ClaimNames(jwt));
        Assert.Equal("1", jwt.GetClaim("user_id").Value);
        Assert.Equal("jane@example.com", jwt.GetClaim("email").Value);
        Assert.False(jwt.TryGetHeaderValue<string>("kid", out _));
    }

    [Fact]
    public async Task A_jwt_for_a_user_without_an_email_carries_the_id_only()
    {
        var (token, _) = TakeJwt(Write(new WidgetUser("7"), Widget() with { Signing = WidgetSigning.Jwt }));

        Assert.Equal(["exp", "iat", "user_id"], ClaimNames(await Verify(token, ResolvedWidget.DefaultTokenLifetime)));
    }

    [Theory]
    [MemberData(nameof(WidgetIdentityHashTests.SharedVectors), MemberType = typeof(WidgetIdentityHashTests))]
    public void The_user_hash_matches_every_row_of_the_shared_vectors(string secret, string userId, string expectedHash)
    {
        var widget = Widget() with { SecretKey = Encoding.UTF8.GetBytes(secret) };

        Assert.Contains($"\"user_hash\":\"{expectedHash}\"", Write(new WidgetUser(userId), widget), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_Intercom_would_reject_or_does_not_take_are_left_out_and_named_without_their_values()
    {
        var user = new WidgetUser("7")
        {
            Email = "jane at example.com", AvatarUrl = "/avatars/7.png", CompanyName = "Acme", City = "Springfield", CountryCode = "US", Description = "VIP",
        };

        var (written, issues) = Conform(user, Widget());

        Assert.Equal(
            $$"""window.intercomSettings = {"app_id":"abc123","user_id":"7","user_hash":"{{Hmac("7")}}"};""",
            Write(user, Widget()));
        Assert.Null(written!.City);
        Assert.Contains("the email is not an address Intercom accepts", issues);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", issues);
        Assert.Contains("the company name cannot be sent without the company_id Intercom's company object requires", issues);
        Assert.Contains("WidgetIdentity:Claims:CompanyName", issues);
        Assert.DoesNotContain("Acme", issues);
        Assert.DoesNotContain("jane at example.com", issues);
    }

    [Fact]
    public void A_custom_attribute_named_like_an_Intercom_setting_is_left_out_so_it_cannot_replace_the_signed_id()
    {
        var user = new WidgetUser("7")
        {
            CustomAttributes = new Dictionary<string, object?> { ["User_Id"] = "admin", ["user_hash"] = "forged", ["plan"] = "gold" },
        };

        var (written, issues) = Conform(user, Widget());

        Assert.Equal(["plan"], written!.CustomAttributes!.Keys);
        Assert.Contains("\"User_Id\" was left out", issues);
        Assert.Contains("\"user_hash\" was left out", issues);
        Assert.Equal(
            $$"""window.intercomSettings = {"app_id":"abc123","user_id":"7","user_hash":"{{Hmac("7")}}","plan":"gold"};""",
            Write(user, Widget()));
    }

    [Fact]
    public void Values_that_could_end_the_script_are_escaped_in_names_and_values()
    {
        var user = new WidgetUser("</script>") { Name = "O'Brien \u2028", CustomAttributes = new Dictionary<string, object?> { ["a\"b"] = "<x>" } };

        var script = Write(user, Widget());

        Assert.DoesNotContain("</script>", script, StringComparison.Ordinal);
        Assert.Contains("\"user_id\":\"\\u003C/script\\u003E\"", script, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"O\\u0027Brien \\u2028\"", script, StringComparison.Ordinal);
        Assert.Contains("\"a\\u0022b\":\"\\u003Cx\\u003E\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_first_shuts_the_messenger_down_and_boots_it_with_the_new_settings_once_the_loader_has_run()
    {
        Assert.Equal(
            $$"""
            window.addEventListener("load", function () {
              window.Intercom("shutdown");
              window.Intercom("boot", {"app_id":"abc123","user_id":"2","name":"Bob","user_hash":"{{Hmac("2")}}"});
            });
            """.ReplaceLineEndings("\n"),
            Write(new WidgetUser("2") { Name = "Bob" }, Widget(), resetFirst: true));
    }

    [Fact]
    public void The_reset_for_nobody_shuts_the_messenger_down()
    {
        Assert.Equal(
            """
            window.addEventListener("load", function () {
              window.Intercom("shutdown");
            });
            """.ReplaceLineEndings("\n"),
            Reset(VendorDialects.Intercom));
    }

    [Fact]
    public void The_session_cookie_intercom_session_app_id_is_deleted_at_sign_out_whatever_the_app_id()
    {
        Assert.Equal(["intercom-session-*"], VendorDialects.Intercom.SessionCookies);
        Assert.Equal("mode=intercom", VendorDialects.Intercom.PreviewQuery);
        Assert.Same(VendorDialects.Intercom, VendorDialects.Find("intercom"));
    }

    [Fact]
    public void Start_up_fails_without_an_app_id_and_says_where_Intercom_shows_it()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Vendor"] = "Intercom",
        });

        Assert.Contains("WidgetIdentity:AppId is not set", failure.Message);
        Assert.Contains("Intercom's Messenger needs your workspace's app_id", failure.Message);
        Assert.Contains("Settings > Installation > Web", failure.Message);
        Assert.DoesNotContain(TestOptions.Secret, failure.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Hmac")]
    [InlineData("Jwt")]
    public void Intercom_accepts_either_way_to_sign(string? signing)
    {
        var options = TestOptions.Resolve(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Vendor"] = "Intercom",
            ["WidgetIdentity:AppId"] = "abc123",
            ["WidgetIdentity:Signing"] = signing,
        });

        Assert.Equal("abc123", options.AppId);
    }

    [Fact]
    public void With_Signing_Jwt_a_secret_too_short_for_HS256_is_refused_at_start_up()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = "TEST-ONLY-short-0123",
            ["WidgetIdentity:Vendor"] = "Intercom",
            ["WidgetIdentity:AppId"] = "abc123",
            ["WidgetIdentity:Signing"] = "Jwt",
        });

        Assert.Contains("WidgetIdentity:Secret is too short to sign the HS256 JWT Intercom verifies", failure.Message);
    }

    [Fact]
    public async Task The_renderer_writes_the_settings_for_a_signed_in_user_and_leaves_loading_to_Intercom_s_own_loader()
    {
        var context = new DefaultHttpContext
        {
            User = Principals.Jane,
            RequestServices = TestOptions.BuildServices(new Dictionary<string, string?>
            {
                ["WidgetIdentity:Secret"] = TestOptions.Secret,
                ["WidgetIdentity:Vendor"] = "Intercom",
                ["WidgetIdentity:AppId"] = "abc123",
            }),
        };

        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest());
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);

        Assert.Equal(
            $$"""<script>window.intercomSettings = {"app_id":"abc123","user_id":"1","email":"jane@example.com","name":"Jane Doe","user_hash":"{{Hmac("1")}}"};</script>""",
            writer.ToString());
        Assert.Equal("no-store, private", context.Response.Headers.CacheControl.ToString());
    }

    private static ResolvedWidget Widget() => TestSigners.Widget(VendorDialects.Intercom) with { AppId = "abc123" };
}
