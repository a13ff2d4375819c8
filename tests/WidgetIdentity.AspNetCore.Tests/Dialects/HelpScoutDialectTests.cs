using WidgetIdentity.Dialects;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.EmailSignedDialectKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// Help Scout Beacon's documented shape: <c>Beacon('identify', {...})</c> with the email and its HMAC-SHA256 <c>signature</c>
/// (secure mode); name 80, company 60 and avatar URL 200 characters at most; <c>Beacon('logout')</c> to forget a visitor.
/// </summary>
public sealed class HelpScoutDialectTests
{
    private static VendorDialect HelpScout => VendorDialects.HelpScout;

    [Fact]
    public void A_typical_user_is_identified_with_name_email_and_the_signature_of_the_email()
    {
        Assert.Equal(
            $$"""window.Beacon("identify", {"name":"Jane Doe","email":"jane@example.com","signature":"{{Signature("jane@example.com")}}"});""",
            Write(HelpScout, Jane));
    }

    [Fact]
    public void Company_avatar_and_custom_attributes_go_in_the_same_identify_object_attributes_as_text()
    {
        var user = Jane with
        {
            CompanyName = "Acme", AvatarUrl = "https://cdn.example/j.png", PhoneNumber = "+15550101234", City = "Springfield",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold", ["orders"] = 12, ["vip"] = true, ["trial"] = false, ["balance"] = 12.5m },
        };

        Assert.Equal(
            $$"""window.Beacon("identify", {"name":"Jane Doe","email":"jane@example.com","company":"Acme","avatar":"https://cdn.example/j.png","signature":"{{Signature("jane@example.com")}}","plan":"gold","orders":"12","vip":"true","trial":"false","balance":"12.5"});""",
            Write(HelpScout, user));
    }

    [Fact]
    public void A_company_name_over_60_characters_is_cut_to_60_and_reported()
    {
        var (written, issues) = Conform(HelpScout, Jane with { CompanyName = new string('c', 61) });

        Assert.Equal(new string('c', 60), written!.CompanyName);
        Assert.Contains("company name is longer than the 60 characters", issues);
        Assert.Contains("WidgetIdentity:Claims:CompanyName", issues);
    }

    [Fact]
    public void A_name_over_80_characters_is_cut_to_80_without_splitting_a_character()
    {
        Assert.Equal(new string('n', 80), Conform(HelpScout, Jane with { Name = new string('n', 81) }).Written!.Name);

        var (written, issues) = Conform(HelpScout, Jane with { Name = new string('n', 79) + "\U0001F600" }); // 81 UTF-16 units, the emoji at 80-81
        Assert.Equal(new string('n', 79), written!.Name);
        Assert.Contains("the name is longer than the 80 characters Help Scout keeps, so it was cut to fit", issues);
        Assert.Contains("WidgetIdentity:Claims:Name", issues);
    }

    [Fact]
    public void Text_at_the_limits_is_kept_as_it_is()
    {
        var user = Jane with { Name = new string('n', 80), CompanyName = new string('c', 60) };

        var (written, issues) = Conform(HelpScout, user);

        Assert.Equal(user.Name, written!.Name);
        Assert.Equal(user.CompanyName, written.CompanyName);
        Assert.Equal("", issues);
    }

    [Fact]
    public void An_avatar_url_over_200_characters_is_left_out_not_cut()
    {
        var at200 = "https://cdn.example/" + new string('a', 200 - "https://cdn.example/".Length);
        Assert.Equal(at200, Conform(HelpScout, Jane with { AvatarUrl = at200 }).Written!.AvatarUrl);

        var (written, issues) = Conform(HelpScout, Jane with { AvatarUrl = at200 + "a" });
        Assert.Null(written!.AvatarUrl);
        Assert.Contains("avatar URL is longer than the 200 characters", issues);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", issues);
    }

    [Fact]
    public void An_avatar_that_is_not_an_absolute_http_url_is_left_out()
    {
        var (written, issues) = Conform(HelpScout, Jane with { AvatarUrl = "data:image/png;base64,AAAA" });

        Assert.Null(written!.AvatarUrl);
        Assert.Contains("is not an absolute http(s) URL", issues);
    }

    [Fact]
    public void A_custom_attribute_named_like_an_identity_field_never_overwrites_it()
    {
        var user = Jane with { CustomAttributes = new Dictionary<string, object?> { ["Email"] = "mallory@example.com", ["signature"] = "0000", ["plan"] = "gold" } };

        var (written, issues) = Conform(HelpScout, user);
        var script = Write(HelpScout, user);

        Assert.Equal(["plan"], written!.CustomAttributes!.Keys);
        Assert.DoesNotContain("mallory", script);
        Assert.Contains($"\"signature\":\"{Signature("jane@example.com")}\"", script);
        Assert.Contains("\"Email\" was left out", issues);
        Assert.Contains("\"signature\" was left out", issues);
        Assert.Contains("(rename it in WidgetIdentity:Claims:CustomAttributes or in your IWidgetUserResolver)", issues);
    }

    [Fact]
    public void At_most_30_custom_attributes_are_sent()
    {
        var attributes = Enumerable.Range(1, 31).ToDictionary(index => $"a{index}", index => (object?)"x");

        var (written, issues) = Conform(HelpScout, Jane with { CustomAttributes = attributes });

        Assert.Equal(30, written!.CustomAttributes!.Count);
        Assert.DoesNotContain("a31", written.CustomAttributes.Keys);
        Assert.Contains("\"a31\" was left out: Help Scout keeps at most 30 attributes", issues);
        Assert.Contains("(send fewer through WidgetIdentity:Claims:CustomAttributes or your IWidgetUserResolver)", issues);
    }

    [Fact]
    public void Reset_first_logs_the_previous_visitor_out_before_identifying_the_new_one()
    {
        Assert.Equal(
            $$"""
            window.Beacon("logout");
            window.Beacon("identify", {"name":"Jane Doe","email":"jane@example.com","signature":"{{Signature("jane@example.com")}}"});
            """.ReplaceLineEndings("\n"),
            Write(HelpScout, Jane, resetFirst: true));
    }

    [Fact]
    public void The_reset_after_sign_out_is_Beacon_logout()
    {
        var script = Reset(HelpScout, out var written);

        Assert.True(written);
        Assert.Equal("window.Beacon(\"logout\");", script);
    }

    [Fact]
    public void Beacon_documents_no_session_cookie_on_the_site_domain()
    {
        Assert.Empty(HelpScout.SessionCookies);
    }
}
