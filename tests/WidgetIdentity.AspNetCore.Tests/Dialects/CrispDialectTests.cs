using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.SignOut;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.EmailSignedDialectKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Crisp's documented shape: commands pushed on the <c>$crisp</c> queue, the email set with its HMAC-SHA256 signature
/// (identity verification), <c>session:data</c> as one array of key/value pairs, <c>session:reset</c> to forget a visitor.
/// </summary>
public sealed class CrispDialectTests
{
    private static VendorDialect Crisp => VendorDialects.Crisp;

    [Fact]
    public void A_typical_user_is_set_on_the_crisp_queue_with_the_signed_email_then_the_nickname()
    {
        Assert.Equal(
            $$"""
            window.$crisp = window.$crisp || [];
            window.$crisp.push(["set", "user:email", ["jane@example.com","{{Signature("jane@example.com")}}"]]);
            window.$crisp.push(["set", "user:nickname", ["Jane Doe"]]);
            """.ReplaceLineEndings("\n"),
            Write(Crisp, Jane));
    }

    [Fact]
    public void Every_field_Crisp_takes_is_a_set_command_and_custom_data_is_one_array_of_pairs()
    {
        var user = Jane with
        {
            Name = "Jane Q. Doe", AvatarUrl = "https://cdn.example/j.png", PhoneNumber = "+1 (555) 010-1234", CompanyName = "Acme",
            Description = "not a Crisp field", City = "Springfield",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold", ["orders"] = 12, ["vip"] = true },
        };

        Assert.Equal(
            $$"""
            window.$crisp = window.$crisp || [];
            window.$crisp.push(["set", "user:email", ["jane@example.com","{{Signature("jane@example.com")}}"]]);
            window.$crisp.push(["set", "user:nickname", ["Jane Q. Doe"]]);
            window.$crisp.push(["set", "user:phone", ["+15550101234"]]);
            window.$crisp.push(["set", "user:avatar", ["https://cdn.example/j.png"]]);
            window.$crisp.push(["set", "user:company", ["Acme"]]);
            window.$crisp.push(["set", "session:data", [[["plan","gold"],["orders",12],["vip",true]]]]);
            """.ReplaceLineEndings("\n"),
            Write(Crisp, user));
    }

    [Fact]
    public void An_email_Crisp_would_refuse_leaves_the_identity_out_instead_of_signing_it()
    {
        var (written, issues) = Conform(Crisp, Jane with { Email = "jane at example.com" });

        Assert.Null(written);
        Assert.Contains("the email is not an address Crisp accepts", issues);
        Assert.Contains("WidgetIdentity:Claims:Email", issues);
        Assert.DoesNotContain("jane at example.com", issues);
    }

    [Theory]
    [InlineData("/avatars/1.png")]
    [InlineData("javascript:alert(1)")]
    public void An_avatar_that_is_not_an_absolute_http_url_is_left_out(string avatar)
    {
        var (written, issues) = Conform(Crisp, Jane with { AvatarUrl = avatar });

        Assert.Null(written!.AvatarUrl);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", issues);
        Assert.DoesNotContain("user:avatar", Write(Crisp, Jane with { AvatarUrl = avatar }));
    }

    [Fact]
    public void A_phone_number_that_is_not_international_is_left_out()
    {
        var (written, issues) = Conform(Crisp, Jane with { PhoneNumber = "555-0101" });

        Assert.Null(written!.PhoneNumber);
        Assert.Contains("phone number is not a full international number", issues);
    }

    [Fact]
    public void Custom_data_keys_Crisp_refuses_are_left_out_not_renamed()
    {
        var user = Jane with { CustomAttributes = new Dictionary<string, object?> { ["Plan"] = "gold", ["last order"] = "x", ["order-id_2"] = "A1" } };

        var (written, issues) = Conform(Crisp, user);

        Assert.Equal(["order-id_2"], written!.CustomAttributes!.Keys);
        Assert.Contains("\"Plan\" was left out", issues);
        Assert.Contains("\"last order\" was left out", issues);
        Assert.Contains("WidgetIdentity:Claims:CustomAttributes", issues);
    }

    [Fact]
    public void No_custom_data_that_Crisp_can_take_makes_no_session_data_call()
    {
        var user = Jane with { CustomAttributes = new Dictionary<string, object?> { ["Plan"] = "gold", ["tags"] = new[] { "a" } } };

        Assert.Null(Conform(Crisp, user).Written!.CustomAttributes);
        Assert.DoesNotContain("session:data", Write(Crisp, user));
    }

    [Fact]
    public void Values_that_could_end_the_script_are_escaped_in_every_command()
    {
        var script = Write(Crisp, Jane with { Name = "</script><b>\u2028", CompanyName = "\"A&B\"" });

        Assert.Contains("""["set", "user:nickname", ["\u003C/script\u003E\u003Cb\u003E\u2028"]]""", script);
        Assert.Contains("""["set", "user:company", ["\u0022A\u0026B\u0022"]]""", script);
    }

    [Fact]
    public void Reset_first_resets_the_session_before_the_new_visitor_is_set()
    {
        Assert.Equal(
            $$"""
            window.$crisp = window.$crisp || [];
            window.$crisp.push(["do", "session:reset"]);
            window.$crisp.push(["set", "user:email", ["jane@example.com","{{Signature("jane@example.com")}}"]]);
            window.$crisp.push(["set", "user:nickname", ["Jane Doe"]]);
            """.ReplaceLineEndings("\n"),
            Write(Crisp, Jane, resetFirst: true));
    }

    [Fact]
    public void The_reset_after_sign_out_is_the_session_reset_command_on_the_queue()
    {
        var script = Reset(Crisp, out var written);

        Assert.True(written);
        Assert.Equal("window.$crisp = window.$crisp || [];\nwindow.$crisp.push([\"do\", \"session:reset\"]);", script);
    }

    [Fact]
    public void The_session_cookie_of_any_website_is_deleted_at_sign_out_as_the_browser_sends_its_name()
    {
        Assert.Equal(["crisp-client%2Fsession%2F*"], Crisp.SessionCookies);
        Assert.True(VendorCookies.Matches(Crisp.SessionCookies[0], "crisp-client%2Fsession%2F7a70678f-84e0-4a02-84ce-d12b72194c26"));
        Assert.False(VendorCookies.Matches(Crisp.SessionCookies[0], "crisp-client%2Fsocket%2F7a70678f-84e0-4a02-84ce-d12b72194c26"));
    }

    [Fact]
    public async Task A_signed_in_user_is_rendered_as_Crisp_commands_in_one_inline_script()
    {
        var settings = new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret, ["WidgetIdentity:Vendor"] = "Crisp" };
        var context = new DefaultHttpContext { User = Principals.Jane, RequestServices = TestOptions.BuildServices(settings) };

        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest());
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);

        Assert.Equal("<script>" + Write(Crisp, Jane) + "</script>", writer.ToString());
    }
}
