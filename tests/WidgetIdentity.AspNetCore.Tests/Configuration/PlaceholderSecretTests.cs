using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Configuration;

/// <summary>Start-up refuses a secret copied from vendor docs or a template, and accepts real keys that merely look odd.</summary>
public sealed class PlaceholderSecretTests
{
    private const string PlaceholderFailure = "WidgetIdentity:Secret is a placeholder";

    // Each row is 16+ characters (so the length check passes) and is caught only by its own entry in the list of
    // known placeholders: none contains a placeholder word such as "yoursecret" or "changeme".
    [Theory]
    [InlineData("____SECRET______")]
    [InlineData("__SECRET_KEY____")]
    [InlineData("your-widget-secret")]
    [InlineData("your_hmac_secret")]
    [InlineData("your-identity-secret")]
    [InlineData("your identity verification secret")]
    [InlineData("YOUR_API_SECRET!")]
    [InlineData("__HMAC_SECRET___")]
    [InlineData("**** example ****")]
    [InlineData("Example Secret!!")]
    [InlineData("--- my secret ---")]
    [InlineData("my_secret_key___")]
    public void A_placeholder_name_from_vendor_docs_is_refused_whatever_its_case_and_punctuation(string placeholder)
    {
        AssertRefusedAsPlaceholder(placeholder);
    }

    [Theory]
    [InlineData("<WIDGET_API_TOKEN>")]
    [InlineData("{{ WIDGET_API_TOKEN }}")]
    public void A_template_slot_left_unfilled_is_refused(string slot)
    {
        AssertRefusedAsPlaceholder(slot);
    }

    [Fact]
    public void A_secret_of_two_repeated_characters_is_refused()
    {
        AssertRefusedAsPlaceholder("abababababababab");
    }

    [Theory]
    [InlineData(" <WIDGET_API_TOKEN> \n")]
    [InlineData("  abababababababab  ")]
    public void Whitespace_around_a_placeholder_does_not_hide_it(string placeholder)
    {
        AssertRefusedAsPlaceholder(placeholder);
    }

    [Theory]
    [InlineData("<9fK2mQ7xLp4Rz8Tw")]
    [InlineData("9fK2mQ7xLp4Rz8Tw>")]
    public void A_real_key_that_only_starts_or_only_ends_with_an_angle_bracket_is_accepted(string secret)
    {
        Assert.Equal(secret, TestOptions.Resolve(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = secret }).Secret);
    }

    private static void AssertRefusedAsPlaceholder(string placeholder)
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = placeholder });

        Assert.Contains(PlaceholderFailure, failure.Message);
        Assert.DoesNotContain(placeholder.Trim(), failure.Message);
    }
}
