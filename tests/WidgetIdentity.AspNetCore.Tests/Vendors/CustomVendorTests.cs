using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using WidgetIdentity.Vendors;

namespace WidgetIdentity.Tests.Vendors;

/// <summary>A vendor of the app's own, written as the README shows, renders through the same safe core as the built-in ones.</summary>
public sealed class CustomVendorTests
{
    private readonly ListLoggerProvider _logs = new();
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["WidgetIdentity:Secret"] = TestOptions.Secret,
        ["WidgetIdentity:Vendor"] = "acmechat",
    };

    [Fact]
    public async Task The_README_example_vendor_writes_its_call_with_the_signature_and_then_its_script()
    {
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestOptions.Secret), "1"u8));

        var html = await Render(Principals.Jane);

        Assert.Equal(
            $$"""<script>AcmeChat("identify", {"userId":"1","name":"Jane Doe","email":"jane@example.com","signature":"{{hash}}"});</script>"""
            + "\n<script src=\"https://cdn.acme-chat.example/loader.js\"></script>",
            html);
    }

    [Fact]
    public async Task Hostile_values_are_escaped_by_the_writer_the_vendor_cannot_bypass()
    {
        var html = await Render(Principals.SignedIn((ClaimTypes.NameIdentifier, "</script><script>alert(1)</script>"), ("name", "\"});alert(1);//")));

        Assert.Contains("\"userId\":\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\"", html);
        Assert.Contains("\"name\":\"\\u0022});alert(1);//\"", html);
        Assert.Equal(2, html.Split("<script").Length - 1);
    }

    [Fact]
    public async Task After_another_user_the_vendors_logout_comes_first_and_after_sign_out_it_comes_alone()
    {
        var jane = Context(Principals.Jane);
        await Render(jane);
        var cookie = jane.Response.Headers.SetCookie.ToString().Split(';')[0];

        var bob = await Render(Principals.SignedIn((ClaimTypes.NameIdentifier, "2")), cookie);
        var nobody = await Render(Principals.Anonymous, cookie, includeScript: false);

        Assert.StartsWith("<script>AcmeChat(\"logout\");\nAcmeChat(\"identify\", {\"userId\":\"2\"", bob);
        Assert.Equal("<script>AcmeChat(\"logout\");</script>", nobody);
    }

    [Fact]
    public void A_call_target_taken_from_user_data_is_refused_without_echoing_it()
    {
        var script = new WidgetScript(new ScriptBuilder(new StringBuilder()));

        var error = Assert.Throws<ArgumentException>(() => script.Call("alert(document.cookie)//"));
        Assert.DoesNotContain("document.cookie", error.Message);
        Assert.Throws<ArgumentException>(() => script.Assign("window.x = 1; y", "v"));
    }

    [Fact]
    public async Task An_email_signed_vendor_leaves_a_user_without_email_anonymous_with_one_warning()
    {
        _settings["WidgetIdentity:Vendor"] = "MailSigned";

        var html = await Render(Principals.SignedIn((ClaimTypes.NameIdentifier, "7")), includeScript: false);

        Assert.Equal("", html);
        var warning = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains("WidgetIdentity:Claims:Email", warning.Message);
    }

    [Fact]
    public async Task An_email_signed_vendor_gets_the_HMAC_of_the_email()
    {
        _settings["WidgetIdentity:Vendor"] = "MailSigned";
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestOptions.Secret), "jane@example.com"u8));

        Assert.Equal($"<script>mailSigned = [\"jane@example.com\",\"{hash}\"];</script>", await Render(Principals.Jane, includeScript: false));
    }

    [Fact]
    public void A_custom_vendor_cannot_take_a_built_in_vendors_name()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddWidgetVendor<AcmeChatVendor>("Chatwoot"));
    }

    [Fact]
    public void An_unknown_vendor_name_lists_the_apps_own_vendors_among_the_choices()
    {
        _settings["WidgetIdentity:Vendor"] = "AcmeChatt";

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Context(Principals.Jane).RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WidgetIdentityOptions>>().Value);

        Assert.Contains("or your own: AcmeChat, MailSigned", error.Message);
    }

    [Fact]
    public void Preview_mode_for_an_apps_own_vendor_is_a_start_up_error_that_says_why()
    {
        _settings["WidgetIdentity:Preview"] = "true";
        _settings["WidgetIdentity:AllowPreviewOutsideDevelopment"] = "true";

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Context(Principals.Jane).RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WidgetIdentityOptions>>().Value);

        Assert.Contains("the preview widget cannot stand in for AcmeChat", error.Message);
    }

    [Fact]
    public void The_README_shows_exactly_the_example_this_test_project_compiles()
    {
        var example = RepositoryFiles.Read("tests", "WidgetIdentity.AspNetCore.Tests", "Vendors", "AcmeChatVendor.cs");
        var readme = RepositoryFiles.Read("README.md");
        Assert.Contains("```csharp\n" + example + "```", readme);
    }

    private DefaultHttpContext Context(ClaimsPrincipal user, string? cookie = null)
    {
        var context = new DefaultHttpContext
        {
            User = user,
            RequestServices = TestOptions.BuildServices(_settings, services: services => services
                .AddLogging(builder => builder.AddProvider(_logs))
                .AddWidgetVendor<AcmeChatVendor>("AcmeChat")
                .AddWidgetVendor<MailSignedVendor>("MailSigned")),
        };
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        return context;
    }

    private Task<string> Render(ClaimsPrincipal user, string? cookie = null, bool includeScript = true) => Render(Context(user, cookie), includeScript);

    private static async Task<string> Render(HttpContext context, bool includeScript = true)
    {
        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest { IncludeScript = includeScript });
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private sealed class MailSignedVendor : WidgetVendor
    {
        public override WidgetSignedValue SignedValue => WidgetSignedValue.Email;

        public override void WriteUserData(WidgetScript script, WidgetUser user, string signature) =>
            script.Assign("mailSigned", new object?[] { user.Email, signature });
    }
}
