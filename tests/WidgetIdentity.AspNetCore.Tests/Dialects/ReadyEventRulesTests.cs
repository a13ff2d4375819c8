using System.Text;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// What the Chatwoot SDK (and its white-labels) enforces, encoded in the dialect: <c>setUser</c> throws unless the user has
/// a non-empty name, email or avatar; the contact is rejected for an email or phone number Chatwoot cannot store.
/// </summary>
public sealed class ReadyEventRulesTests
{
    private const string Hash = "c44eeb3397f29a15f7328f9ffc608a99dde2bfcf0e8a2fd393cf12a05ba14a9b";

    [Fact]
    public void A_user_with_only_an_id_is_given_the_id_as_name_by_default_and_the_fallback_is_reported()
    {
        var (written, issues) = Conform(new WidgetUser("42"), Widget());

        Assert.Equal("""setUser("42", {"name":"42","identifier_hash":"HASH"});""", SetUserLine(written!));
        Assert.Contains("no name, email or avatar", issues);
        Assert.Contains("WidgetIdentity:Claims:Name", issues);
        Assert.Contains("WidgetIdentity:FallbackName", issues);
    }

    [Fact]
    public void The_fallback_name_template_puts_the_id_where_it_says()
    {
        var (written, _) = Conform(new WidgetUser("42"), Widget() with { FallbackName = "Customer #{id}" });

        Assert.Equal("Customer #42", written!.Name);
    }

    [Fact]
    public void With_IncompleteUser_Anonymous_a_user_with_only_an_id_is_left_out_and_the_setting_is_named()
    {
        var widget = Widget("support") with { IncompleteUser = IncompleteUserHandling.Anonymous };

        var (written, issues) = Conform(new WidgetUser("42"), widget);

        Assert.Null(written);
        Assert.Contains("the user has no name, email or avatar, which Chatwoot's setUser requires, so the identity was left out", issues);
        Assert.Contains("WidgetIdentity:Widgets:support:IncompleteUser is Anonymous", issues);
    }

    [Theory]
    [InlineData("email", "only-mail@example.com", """{"email":"only-mail@example.com","identifier_hash":"HASH"}""")]
    [InlineData("avatar", "https://cdn.example/a.png", """{"avatar_url":"https://cdn.example/a.png","identifier_hash":"HASH"}""")]
    [InlineData("first", "Ann", """{"name":"Ann","identifier_hash":"HASH"}""")]
    public void One_of_name_email_or_avatar_satisfies_the_sdk_without_a_fallback(string field, string value, string expectedObject)
    {
        var user = field switch
        {
            "email" => new WidgetUser("7") { Email = value },
            "avatar" => new WidgetUser("7") { AvatarUrl = value },
            _ => new WidgetUser("7") { FirstName = value },
        };

        var (written, issues) = Conform(user, Widget());

        Assert.Equal($"setUser(\"7\", {expectedObject});", SetUserLine(written!));
        Assert.Equal("", issues);
    }

    [Theory]
    [InlineData("/avatars/7.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("ftp://files.example/a.png")]
    [InlineData("https://")]
    public void An_avatar_that_is_not_an_absolute_http_url_is_dropped_with_a_warning(string avatar)
    {
        var (written, issues) = Conform(new WidgetUser("7") { AvatarUrl = avatar, Email = "a@b.example" }, Widget());

        Assert.Null(written!.AvatarUrl);
        Assert.Contains("the avatar URL is not an absolute http(s) URL", issues);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", issues);
        Assert.DoesNotContain(avatar, issues); // values are personal data: never logged
    }

    [Fact]
    public void An_email_Chatwoot_would_reject_is_dropped_and_the_fallback_name_takes_its_place()
    {
        var (written, issues) = Conform(new WidgetUser("7") { Email = "jane at example.com" }, Widget());

        Assert.Equal("""setUser("7", {"name":"7","identifier_hash":"HASH"});""", SetUserLine(written!));
        Assert.Contains("the email is not an address Chatwoot accepts", issues);
    }

    [Theory]
    [InlineData("+1 (555) 010-1234", "+15550101234")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+49.30.901820", "+4930901820")]
    public void A_phone_number_is_written_in_E164_form(string given, string expected)
    {
        var (written, issues) = Conform(new WidgetUser("7") { Email = "a@b.example", PhoneNumber = given }, Widget());

        Assert.Equal(expected, written!.PhoneNumber);
        Assert.Equal("", issues);
    }

    [Theory]
    [InlineData("555-0101")]
    [InlineData("+0 555 0101")]
    [InlineData("+1234567890123456")]
    [InlineData("call me")]
    public void A_phone_number_that_is_not_a_full_international_number_is_dropped(string given)
    {
        var (written, issues) = Conform(new WidgetUser("7") { Email = "a@b.example", PhoneNumber = given }, Widget());

        Assert.Null(written!.PhoneNumber);
        Assert.Contains("phone number is not a full international number", issues);
    }

    [Fact]
    public void A_country_code_is_two_letters_upper_cased_anything_else_is_dropped()
    {
        Assert.Equal("DE", Conform(new WidgetUser("7") { Email = "a@b.example", CountryCode = "de" }, Widget()).Written!.CountryCode);

        var (written, issues) = Conform(new WidgetUser("7") { Email = "a@b.example", CountryCode = "Germany" }, Widget());
        Assert.Null(written!.CountryCode);
        Assert.Contains("country code is not a two-letter", issues);
    }

    [Fact]
    public void Every_field_Chatwoot_takes_is_written_in_order()
    {
        var user = new WidgetUser("7")
        {
            Name = "Ann Lee", Email = "a@b.example", AvatarUrl = "https://cdn.example/a.png", PhoneNumber = "+15550101234",
            CompanyName = "Acme", Description = "Gold customer", CountryCode = "US", City = "Springfield",
        };

        Assert.Equal(
            """setUser("7", {"name":"Ann Lee","email":"a@b.example","avatar_url":"https://cdn.example/a.png","phone_number":"+15550101234","company_name":"Acme","description":"Gold customer","country_code":"US","city":"Springfield","identifier_hash":"HASH"});""",
            SetUserLine(Conform(user, Widget()).Written!));
    }

    [Fact]
    public void Custom_attributes_are_set_after_setUser_with_their_json_types()
    {
        var user = new WidgetUser("7")
        {
            Email = "a@b.example",
            CustomAttributes = new Dictionary<string, object?>
            {
                ["plan"] = "gold", ["orders"] = 12, ["vip"] = true, ["balance"] = 12.5m, ["since"] = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero),
            },
        };

        var script = Write(Conform(user, Widget()).Written!, resetFirst: false);

        Assert.Equal(
            """
            window.addEventListener("chatwoot:ready", function () {
              window.$chatwoot.setUser("7", {"email":"a@b.example","identifier_hash":"HASH"});
              window.$chatwoot.setCustomAttributes({"plan":"gold","orders":12,"vip":true,"balance":12.5,"since":"2024-05-01T00:00:00.0000000+00:00"});
            });
            """.ReplaceLineEndings("\n"),
            script);
    }

    [Fact]
    public void Custom_attributes_the_vendor_cannot_store_are_left_out_and_an_empty_set_makes_no_call()
    {
        var user = new WidgetUser("7")
        {
            Email = "a@b.example",
            CustomAttributes = new Dictionary<string, object?> { ["tags"] = new[] { "a" }, ["ratio"] = double.NaN, [" "] = "x", ["none"] = null, ["__proto__"] = "x" },
        };

        var (written, issues) = Conform(user, Widget());

        Assert.Null(written!.CustomAttributes);
        Assert.DoesNotContain("setCustomAttributes", Write(written, resetFirst: false));
        Assert.Contains("\"tags\" holds a String[]", issues);
        Assert.Contains("\"ratio\" holds a Double", issues);
        Assert.Contains("empty name", issues);
        Assert.Contains("\"__proto__\" was left out", issues); // an object literal would set the prototype: the SDK would see no key
    }

    [Fact]
    public void Reset_first_sets_the_user_on_the_ready_event_after_the_reload_and_each_listener_runs_once()
    {
        Assert.Equal(
            """
            window.addEventListener("chatbot:ready", function () {
              window.$chatbot.reset();
              window.addEventListener("chatbot:ready", function () {
                window.$chatbot.setUser("7", {"email":"a@b.example","identifier_hash":"HASH"});
              }, { once: true });
            }, { once: true });
            """.ReplaceLineEndings("\n"),
            Write(new WidgetUser("7") { Email = "a@b.example" }, resetFirst: true, VendorDialects.Chatku));
    }

    [Fact]
    public void Reset_first_sets_the_custom_attributes_inside_the_same_once_listener_as_the_user()
    {
        var user = new WidgetUser("7") { Email = "a@b.example", CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold" } };

        Assert.Equal(
            """
            window.addEventListener("chatbot:ready", function () {
              window.$chatbot.reset();
              window.addEventListener("chatbot:ready", function () {
                window.$chatbot.setUser("7", {"email":"a@b.example","identifier_hash":"HASH"});
                window.$chatbot.setCustomAttributes({"plan":"gold"});
              }, { once: true });
            }, { once: true });
            """.ReplaceLineEndings("\n"),
            Write(user, resetFirst: true, VendorDialects.Chatku));
    }

    [Fact]
    public void The_reset_for_nobody_runs_once_after_the_ready_event()
    {
        var text = new StringBuilder();

        Assert.True(VendorDialects.Chatwoot.WriteReset(new ScriptBuilder(text)));
        Assert.Equal(
            """
            window.addEventListener("chatwoot:ready", function () {
              window.$chatwoot.reset();
            }, { once: true });
            """.ReplaceLineEndings("\n"),
            text.ToString());
    }

    [Fact]
    public void Ainisa_documents_no_reset_so_none_is_written_and_it_keeps_only_its_documented_fields()
    {
        var text = new StringBuilder();
        Assert.False(VendorDialects.Ainisa.WriteReset(new ScriptBuilder(text)));
        Assert.Equal("", text.ToString());

        var user = new WidgetUser("7") { AvatarUrl = "https://cdn.example/a.png", PhoneNumber = "+15550101234", City = "Springfield" };
        var ainisa = new StringBuilder();
        VendorDialects.Ainisa.WriteUserData(new ScriptBuilder(ainisa), VendorDialects.Ainisa.Conform(user, Widget(), new UserDataIssues("WidgetIdentity"))!, TestSigners.WithIdHash("HASH"), resetFirst: true);
        Assert.Equal("""window.ainisaUser = {"user_id":"7","user_hash":"HASH"};""", ainisa.ToString());
    }

    [Fact]
    public void The_Chatwoot_family_names_its_session_cookies_for_sign_out()
    {
        Assert.Equal(["cw_conversation", "cw_user_*"], VendorDialects.Chatku.SessionCookies);
        Assert.Empty(VendorDialects.Ainisa.SessionCookies);
    }

    private static ResolvedWidget Widget(string? name = null) =>
        new(name, [1, 2, 3], VendorDialects.Chatwoot, null, new WidgetClaimOptions(), Preview: false);

    private static (WidgetUser? Written, string Issues) Conform(WidgetUser user, ResolvedWidget widget) => DialectRun.Conform(user, widget);

    private static string Write(WidgetUser user, bool resetFirst, VendorDialect? dialect = null)
    {
        var text = new StringBuilder();
        (dialect ?? VendorDialects.Chatwoot).WriteUserData(new ScriptBuilder(text), user, TestSigners.WithIdHash("HASH"), resetFirst);
        return text.ToString();
    }

    private static string SetUserLine(WidgetUser user) =>
        Write(user, resetFirst: false).Split('\n')[1].Trim().Replace("window.$chatwoot.", "", StringComparison.Ordinal);
}
