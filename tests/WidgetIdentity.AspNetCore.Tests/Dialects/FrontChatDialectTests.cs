using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Hashing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectTestKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Front Chat: <c>FrontChat("init", {chatId, useDefaultLauncher, userId, email, name, customFields, userHash})</c> once the bundle
/// has run, the hash being the HMAC of the user id (Front: the hash is of the user id when one is passed);
/// <c>shutdown({clearSession: true})</c> to forget.
/// </summary>
public sealed class FrontChatDialectTests
{
    private const string ChatId = "chat_0123abcd";
    private static readonly VendorDialect Front = VendorDialects.FrontChat;

    private const string WhenReady =
        """
        (function (run) {
          function start() { if (typeof window.FrontChat === "function") { run(); } else { window.addEventListener("load", run, { once: true }); } }
          if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start, { once: true }); } else { start(); }
        })(function () {

        """;

    [Fact]
    public void A_typical_user_is_passed_in_the_init_call_with_the_chat_id_and_the_hash_of_the_user_id()
    {
        var user = new WidgetUser("1")
        {
            FirstName = "Jane", LastName = "Doe", Email = "jane@example.com",
            CustomAttributes = new Dictionary<string, object?> { ["Packages delivered"] = 242 },
        };

        Assert.Equal(
            (WhenReady + $$"""
              window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":true,"userId":"1","email":"jane@example.com","name":"Jane Doe","customFields":{"Packages delivered":242},"userHash":"{{Hmac(TestOptions.Secret, "1")}}"});
            });
            """).ReplaceLineEndings("\n"),
            Render(user, Widget(Front, ChatId)));
    }

    [Fact]
    public void A_user_without_an_email_is_still_verified_because_the_id_is_what_is_signed()
    {
        var (written, issues) = Conform(new WidgetUser("42"), Widget(Front, ChatId));

        Assert.NotNull(written);
        Assert.Equal("", issues);
        Assert.Contains(
            $$"""window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":true,"userId":"42","userHash":"{{Hmac(TestOptions.Secret, "42")}}"});""",
            Render(new WidgetUser("42"), Widget(Front, ChatId)));
    }

    [Theory]
    [MemberData(nameof(WidgetIdentityHashTests.SharedVectors), MemberType = typeof(WidgetIdentityHashTests))]
    public void The_user_hash_in_the_script_matches_every_row_of_the_shared_vectors(string secret, string userId, string expectedHash)
    {
        var script = Render(new WidgetUser(userId), Widget(Front, ChatId, secret: secret), secret: secret);

        Assert.Contains($",\"userHash\":\"{expectedHash}\"}});", script);
    }

    [Fact]
    public void An_email_that_is_not_an_address_is_left_out_and_the_claim_setting_is_named_never_the_value()
    {
        var (written, issues) = Conform(new WidgetUser("7") { Email = "jane at example" }, Widget(Front, ChatId));

        Assert.Null(written!.Email);
        Assert.Contains("the email is not an address FrontChat accepts", issues);
        Assert.Contains("WidgetIdentity:Claims:Email", issues);
        Assert.DoesNotContain("jane at example", issues);
    }

    [Fact]
    public void Several_fields_left_out_are_reported_in_one_line_separated_by_semicolons()
    {
        var user = new WidgetUser("7") { Email = "jane at example", CustomAttributes = new Dictionary<string, object?> { ["ratio"] = double.NaN } };

        var (_, issues) = Conform(user, Widget(Front, ChatId));

        Assert.Contains("(check the claim read by WidgetIdentity:Claims:Email); the custom attribute \"ratio\" holds a Double", issues);
    }

    [Fact]
    public void Fields_Front_does_not_document_for_the_identity_are_left_out()
    {
        var user = new WidgetUser("7") { AvatarUrl = "https://cdn.example/a.png", PhoneNumber = "+15550101234", CompanyName = "Acme", City = "Springfield" };

        Assert.Contains(
            $$"""{"chatId":"chat_0123abcd","useDefaultLauncher":true,"userId":"7","userHash":"{{Hmac(TestOptions.Secret, "7")}}"}""",
            Render(user, Widget(Front, ChatId)));
    }

    [Fact]
    public void Custom_fields_Front_cannot_store_are_left_out_and_an_empty_set_is_not_written()
    {
        var user = new WidgetUser("7") { CustomAttributes = new Dictionary<string, object?> { ["ratio"] = double.NaN } };

        var (written, issues) = Conform(user, Widget(Front, ChatId));

        Assert.Null(written!.CustomAttributes);
        Assert.DoesNotContain("customFields", Render(user, Widget(Front, ChatId)));
        Assert.Contains("\"ratio\" holds a Double", issues);
    }

    [Fact]
    public void Reset_first_starts_the_widget_without_a_launcher_clears_the_session_once_it_is_up_then_starts_it_for_the_new_user()
    {
        Assert.Equal(
            (WhenReady + $$$"""
              window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":false,"onInitCompleted":function () {
                window.FrontChat("shutdown", {"clearSession":true});
                window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":true,"userId":"7","email":"a@b.example","userHash":"{{{Hmac(TestOptions.Secret, "7")}}}"});
              }});
            });
            """).ReplaceLineEndings("\n"),
            Render(new WidgetUser("7") { Email = "a@b.example" }, Widget(Front, ChatId), resetFirst: true));
    }

    [Fact]
    public void A_visitor_the_widget_knows_nothing_about_gets_init_with_the_chat_id_and_the_launcher_and_no_identity()
    {
        Assert.Equal(
            (WhenReady + """
              window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":true});
            });
            """).ReplaceLineEndings("\n"),
            Anonymous(Widget(Front, ChatId), resetFirst: false));
    }

    [Fact]
    public void Reset_first_for_an_anonymous_visitor_clears_the_previous_session_once_the_widget_is_up_then_starts_it_again()
    {
        Assert.Equal(
            (WhenReady + """
              window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":false,"onInitCompleted":function () {
                window.FrontChat("shutdown", {"clearSession":true});
                window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":true});
              }});
            });
            """).ReplaceLineEndings("\n"),
            Anonymous(Widget(Front, ChatId), resetFirst: true));
    }

    [Fact]
    public void A_widget_built_without_a_chat_id_writes_an_empty_chat_id_never_a_made_up_one()
    {
        Assert.Contains("{\"chatId\":\"\",", Render(new WidgetUser("7"), Widget(Front)));
        Assert.Contains("{\"chatId\":\"\",", Anonymous(Widget(Front), resetFirst: false));
    }

    [Fact]
    public void The_reset_after_sign_out_is_shutdown_with_clear_session_once_the_bundle_has_run()
    {
        Assert.Equal(
            (true, (WhenReady + """
              window.FrontChat("shutdown", {"clearSession":true});
            });
            """).ReplaceLineEndings("\n")),
            Reset(Front));
    }

    [Fact]
    public void The_chat_id_is_written_as_a_json_string_literal()
    {
        Assert.Contains("{\"chatId\":\"a\\u0022b\\u003C/script\\u003E\",", Render(new WidgetUser("7"), Widget(Front, "a\"b</script>")));
    }

    [Fact]
    public void Front_loads_its_bundle_after_the_script_and_documents_no_cookie_names()
    {
        Assert.Equal("https://chat-assets.frontapp.com/v1/chat.bundle.js", Front.DefaultScriptUrl);
        Assert.Empty(Front.SessionCookies);
        Assert.Same(Front, VendorDialects.Find("frontchat"));
    }

    [Fact]
    public void Start_up_requires_the_chat_id_as_AppId_and_says_where_to_find_it()
    {
        var failure = TestOptions.ValidationFailure(Settings("FrontChat"));

        Assert.Contains("WidgetIdentity:AppId is not set", failure.Message);
        Assert.Contains("Front Chat's init call needs your chat's chatId", failure.Message);
        Assert.Contains("Settings > Inboxes", failure.Message);
    }

    [Fact]
    public void Start_up_refuses_a_signing_choice_Front_does_not_offer()
    {
        var failure = TestOptions.ValidationFailure(Settings("FrontChat", ("AppId", ChatId), ("Signing", "Jwt")));

        Assert.Contains("WidgetIdentity:Signing is set, but FrontChat offers one way to sign only", failure.Message);
        Assert.DoesNotContain("AppId", failure.Message);
    }

    [Fact]
    public async Task The_renderer_writes_the_init_script_then_the_front_bundle_for_a_signed_in_user()
    {
        var services = TestOptions.BuildServices(Settings("FrontChat", ("AppId", ChatId)));
        var context = new DefaultHttpContext { User = Principals.Jane, RequestServices = services };

        var html = await services.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest());
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);

        Assert.Equal(
            ("<script>" + WhenReady + $$"""
              window.FrontChat("init", {"chatId":"chat_0123abcd","useDefaultLauncher":true,"userId":"1","email":"jane@example.com","name":"Jane Doe","userHash":"{{Hmac(TestOptions.Secret, "1")}}"});
            });</script>
            <script src="https://chat-assets.frontapp.com/v1/chat.bundle.js"></script>
            """).ReplaceLineEndings("\n"),
            writer.ToString());
        Assert.Equal("no-store, private", context.Response.Headers.CacheControl.ToString());
    }

    private static string Anonymous(ResolvedWidget widget, bool resetFirst)
    {
        var text = new StringBuilder();
        Assert.True(Front.WriteAnonymous(new ScriptBuilder(text), widget, resetFirst));
        return text.ToString();
    }
}
