using WidgetIdentity.Dialects;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.EmailSignedDialectKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Plain's documented shape: customer details with <c>email</c> and <c>emailHash</c> (HMAC-SHA256 of the email), given through
/// <c>Plain.setCustomerDetails</c> once Plain's own snippet has initialized the widget; no documented logout call.
/// </summary>
public sealed class PlainDialectTests
{
    private static VendorDialect Plain => VendorDialects.Plain;

    [Fact]
    public void A_typical_user_is_given_to_setCustomerDetails_on_the_load_event_with_the_email_hash()
    {
        Assert.Equal(
            $$"""
            window.addEventListener("load", function () {
              window.Plain.setCustomerDetails({"email":"jane@example.com","emailHash":"{{Signature("jane@example.com")}}","fullName":"Jane Doe","shortName":"Jane"});
            }, { once: true });
            """.ReplaceLineEndings("\n"),
            Write(Plain, Jane));
    }

    [Fact]
    public void Only_the_customer_details_Plain_documents_are_written()
    {
        var user = Jane with
        {
            Name = "Jane Q. Doe", AvatarUrl = "https://cdn.example/j.png", PhoneNumber = "+15550101234", CompanyName = "Acme",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold" },
        };

        var script = Write(Plain, user);

        Assert.Contains(
            $$"""setCustomerDetails({"email":"jane@example.com","emailHash":"{{Signature("jane@example.com")}}","fullName":"Jane Q. Doe","shortName":"Jane","chatAvatarUrl":"https://cdn.example/j.png"});""",
            script);
        Assert.DoesNotContain("Acme", script);
        Assert.DoesNotContain("gold", script);
        Assert.DoesNotContain("externalId", script); // nothing signs it, so Plain must not match customers by it
    }

    [Fact]
    public void An_email_that_is_not_an_address_leaves_the_identity_out()
    {
        var (written, issues) = Conform(Plain, Jane with { Email = "jane" });

        Assert.Null(written);
        Assert.Contains("the email is not an address Plain accepts", issues);
    }

    [Fact]
    public void An_avatar_that_is_not_an_absolute_http_url_is_left_out()
    {
        var (written, issues) = Conform(Plain, Jane with { AvatarUrl = "/me.png" });

        Assert.Null(written!.AvatarUrl);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", issues);
    }

    [Fact]
    public void Reset_first_writes_no_undocumented_call_the_new_details_replace_the_previous_ones()
    {
        Assert.Equal(Write(Plain, Jane), Write(Plain, Jane, resetFirst: true));
    }

    [Fact]
    public void Plain_documents_no_reset_call_so_none_is_written_after_sign_out()
    {
        var script = Reset(Plain, out var written);

        Assert.False(written);
        Assert.Equal("", script);
    }

    [Fact]
    public void Plain_documents_no_session_cookie_on_the_site_domain()
    {
        Assert.Empty(Plain.SessionCookies);
    }
}
