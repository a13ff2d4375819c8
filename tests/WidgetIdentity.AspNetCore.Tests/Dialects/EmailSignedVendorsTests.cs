using System.Text.RegularExpressions;
using WidgetIdentity.Dialects;
using WidgetIdentity.Tests.Hashing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.EmailSignedDialectKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>What Crisp, Help Scout and Plain share: each signs the email, so without one there is no identity to write.</summary>
public sealed class EmailSignedVendorsTests
{
    // Where each vendor's script carries the signature of the email.
    private static readonly Dictionary<string, string> SignaturePattern = new()
    {
        ["Crisp"] = "\"user:email\", \\[.*,\"([0-9a-f]{64})\"\\]\\]\\);",
        ["HelpScout"] = "\"signature\":\"([0-9a-f]{64})\"",
        ["Plain"] = "\"emailHash\":\"([0-9a-f]{64})\"",
    };

    public static TheoryData<string, string, string, string> VendorsAndSharedVectors()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var vendor in SignaturePattern.Keys)
        {
            foreach (var row in WidgetIdentityHashTests.SharedVectors())
            {
                data.Add(vendor, (string)row[0], (string)row[1], (string)row[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VendorsAndSharedVectors))]
    public void The_signature_the_script_carries_matches_every_row_of_the_shared_vectors(string vendor, string secret, string email, string expectedHash)
    {
        var script = WriteAsIs(VendorDialects.Find(vendor)!, new WidgetUser("1") { Email = email }, secret: secret);

        Assert.Equal(expectedHash, Regex.Match(script, SignaturePattern[vendor]).Groups[1].Value);
    }

    [Theory]
    [InlineData("Crisp")]
    [InlineData("HelpScout")]
    [InlineData("Plain")]
    public void A_user_without_an_email_gets_no_identity_and_one_issue_naming_the_email_claim_setting(string vendor)
    {
        var (written, issues) = Conform(VendorDialects.Find(vendor)!, new WidgetUser("1") { Name = "Jane Doe", CompanyName = "Acme" }, "support");

        Assert.Null(written);
        Assert.Single(issues.Split("; "));
        Assert.Contains("the user has no email", issues);
        Assert.Contains($"{vendor} verifies the visitor by a signature of the email", issues);
        Assert.Contains("WidgetIdentity:Widgets:support:Claims:Email", issues);
    }

    [Theory]
    [InlineData("Crisp", "Crisp")]
    [InlineData("HelpScout", "Help Scout")]
    [InlineData("Plain", "Plain")]
    public void Writing_a_user_without_an_email_is_refused_saying_the_vendor_signs_the_email(string vendor, string vendorName)
    {
        var error = Assert.Throws<ArgumentException>(() => WriteAsIs(VendorDialects.Find(vendor)!, new WidgetUser("1") { Name = "Jane Doe" }));

        Assert.Equal("user", error.ParamName);
        Assert.StartsWith($"{vendorName} signs the email: Conform leaves out a user without one.", error.Message);
    }

    [Theory]
    [InlineData("crisp")]
    [InlineData("HELPSCOUT")]
    [InlineData("Plain")]
    public void The_vendor_starts_with_a_secret_alone_as_its_own_snippet_carries_its_id(string vendor)
    {
        var options = TestOptions.Resolve(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret, ["WidgetIdentity:Vendor"] = vendor });

        Assert.Equal(vendor, options.Vendor);
    }

    [Theory]
    [InlineData("Crisp", "Jwt")]
    [InlineData("HelpScout", "Hmac")]
    [InlineData("Plain", "Jwt")]
    public void The_vendor_refuses_a_signing_choice_as_it_offers_one_way_to_sign(string vendor, string signing)
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret, ["WidgetIdentity:Widgets:chat:Vendor"] = vendor, ["WidgetIdentity:Widgets:chat:Signing"] = signing,
        });

        Assert.Contains($"WidgetIdentity:Widgets:chat:Signing is set, but {vendor} offers one way to sign only", failure.Message);
    }

    [Theory]
    [InlineData("Crisp")]
    [InlineData("HelpScout")]
    [InlineData("Plain")]
    public void The_preview_widget_stands_in_in_the_vendors_own_mode_and_the_vendor_snippet_loads_the_widget(string vendor)
    {
        var dialect = VendorDialects.Find(vendor)!;

        Assert.Equal($"mode={vendor.ToLowerInvariant()}", dialect.PreviewQuery);
        Assert.Null(dialect.DefaultScriptUrl);
    }
}
