using System.Reflection;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Tests.Configuration;

/// <summary>
/// A named widget (<c>WidgetIdentity:Widgets:support</c>) takes each setting from its own section and falls back to the
/// root section's where it names none (or leaves it blank); vendor-bound settings fall back only within the same vendor.
/// </summary>
public sealed class WidgetSettingsTests
{
    private const string RootSecret = "TEST-ONLY-root-widget-secret-0123";
    private const string SupportSecret = "TEST-ONLY-support-widget-secret-42";

    private static readonly PropertyInfo[] ClaimTypeSettings =
        [.. typeof(WidgetClaimOptions).GetProperties().Where(property => property.PropertyType == typeof(string))];

    [Fact]
    public void Every_claim_type_a_named_widget_names_wins_over_the_roots()
    {
        var root = new WidgetIdentityOptions { Claims = ClaimTypes("root") };

        var claims = WidgetSettings.Claims(root, new WidgetOptions { Claims = ClaimTypes("support") });

        Assert.Equal(11, ClaimTypeSettings.Length);
        Assert.All(ClaimTypeSettings, setting => Assert.Equal($"support-{setting.Name}", setting.GetValue(claims)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_named_widget_takes_every_claim_type_it_leaves_unset_or_blank_from_the_root(string? unset)
    {
        var root = new WidgetIdentityOptions { Claims = ClaimTypes("root") };

        var claims = WidgetSettings.Claims(root, new WidgetOptions { Claims = ClaimTypes(unset) });

        Assert.All(ClaimTypeSettings, setting => Assert.Equal($"root-{setting.Name}", setting.GetValue(claims)));
    }

    [Fact]
    public void A_named_widgets_custom_attributes_add_to_the_roots_and_win_on_the_same_name()
    {
        var root = new WidgetIdentityOptions();
        root.Claims.CustomAttributes["plan"] = "root_plan";
        root.Claims.CustomAttributes["region"] = "root_region";
        var support = new WidgetOptions();
        support.Claims.CustomAttributes["plan"] = "support_plan";
        support.Claims.CustomAttributes["team"] = "support_team";

        var attributes = WidgetSettings.Claims(root, support).CustomAttributes;

        Assert.Equal(
            [new("plan", "support_plan"), new("region", "root_region"), new("team", "support_team")],
            attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_custom_attribute_with_a_blank_name_or_claim_type_is_left_out()
    {
        var root = new WidgetIdentityOptions();
        root.Claims.CustomAttributes["plan"] = " ";
        root.Claims.CustomAttributes[" "] = "tier";
        root.Claims.CustomAttributes["region"] = "root_region";

        var attributes = WidgetSettings.Claims(root, root).CustomAttributes;

        Assert.Equal([new("region", "root_region")], attributes);
    }

    [Fact]
    public void A_named_widget_signs_with_its_own_secret_else_the_roots()
    {
        var root = new WidgetIdentityOptions { Secret = RootSecret };

        Assert.Equal(SupportSecret, WidgetSettings.Secret(root, new WidgetOptions { Secret = SupportSecret }));
        Assert.Equal(RootSecret, WidgetSettings.Secret(root, new WidgetOptions { Secret = " " }));
        Assert.Null(WidgetSettings.Secret(new WidgetIdentityOptions { Secret = " " }, new WidgetOptions()));
    }

    [Fact]
    public void A_named_widget_without_a_vendor_takes_the_root_widgets_vendor()
    {
        var root = new WidgetIdentityOptions { Vendor = "Chatku" };

        Assert.Equal("Crisp", WidgetSettings.Vendor(root, new WidgetOptions { Vendor = "Crisp" }));
        Assert.Equal("Chatku", WidgetSettings.Vendor(root, new WidgetOptions { Vendor = " " }));
    }

    [Fact]
    public void Without_any_vendor_configured_the_widget_is_Ainisa()
    {
        Assert.Equal("Ainisa", WidgetSettings.Vendor(new WidgetIdentityOptions { Vendor = " " }, new WidgetOptions()));
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, true)]
    [InlineData(null, null, false)]
    public void A_named_widget_takes_the_roots_preview_switch_unless_it_sets_its_own(bool? own, bool? rootPreview, bool expected)
    {
        var root = new WidgetIdentityOptions { Preview = rootPreview };

        Assert.Equal(expected, WidgetSettings.Preview(root, new WidgetOptions { Preview = own }));
    }

    [Fact]
    public void The_Preview_vendor_turns_preview_on_whatever_its_case_and_spacing()
    {
        var root = new WidgetIdentityOptions { Preview = false };

        Assert.True(WidgetSettings.Preview(root, new WidgetOptions { Vendor = " preview " }));
    }

    [Fact]
    public void Preview_is_on_for_the_site_when_only_a_named_widget_asks_for_it()
    {
        var root = new WidgetIdentityOptions { Widgets = { ["empty"] = null!, ["plain"] = new(), ["try"] = new() { Preview = true } } };

        Assert.True(WidgetSettings.AnyPreview(root));
    }

    [Fact]
    public void Preview_is_off_for_the_site_when_no_widget_asks_for_it()
    {
        Assert.False(WidgetSettings.AnyPreview(new WidgetIdentityOptions()));
        Assert.False(WidgetSettings.AnyPreview(new WidgetIdentityOptions { Widgets = { ["empty"] = null!, ["plain"] = new() } }));
    }

    [Fact]
    public void A_named_widget_loads_its_own_script_url()
    {
        var root = new WidgetIdentityOptions { Vendor = "Chatku", ScriptUrl = "https://cdn.example/root.js" };

        Assert.Equal("https://cdn.example/own.js", WidgetSettings.ScriptUrl(root, new WidgetOptions { ScriptUrl = "https://cdn.example/own.js" }, "https://vendor.example/default.js"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mampuai")] // an alias of the root's Chatku
    [InlineData(" CHATKU ")]
    public void A_named_widget_of_the_roots_vendor_takes_the_roots_vendor_settings(string? vendor)
    {
        var root = new WidgetIdentityOptions
        {
            Vendor = "Chatku", ScriptUrl = "https://cdn.example/root.js", AppId = "root-app", KeyId = "root-kid", Signing = WidgetSigning.Jwt,
        };
        var support = new WidgetOptions { Vendor = vendor, ScriptUrl = " ", AppId = " ", KeyId = " " };

        Assert.Equal("https://cdn.example/root.js", WidgetSettings.ScriptUrl(root, support, "https://vendor.example/default.js"));
        Assert.Equal("root-app", WidgetSettings.AppId(root, support));
        Assert.Equal("root-kid", WidgetSettings.KeyId(root, support));
        Assert.Equal(WidgetSigning.Jwt, WidgetSettings.Signing(root, support));
    }

    [Fact]
    public void An_apps_own_vendor_matches_the_roots_whatever_its_case_and_spacing()
    {
        var root = new WidgetIdentityOptions { Vendor = "AcmeChat", AppId = "root-app" };

        Assert.Equal("root-app", WidgetSettings.AppId(root, new WidgetOptions { Vendor = " acmechat " }));
    }

    [Fact]
    public void A_named_widget_of_another_vendor_gets_none_of_the_roots_vendor_settings()
    {
        var root = new WidgetIdentityOptions
        {
            Vendor = "Intercom", ScriptUrl = "https://cdn.example/root.js", AppId = "root-app", KeyId = "root-kid", Signing = WidgetSigning.Jwt,
        };
        var support = new WidgetOptions { Vendor = "Zendesk" };

        Assert.Equal("https://vendor.example/default.js", WidgetSettings.ScriptUrl(root, support, "https://vendor.example/default.js"));
        Assert.Null(WidgetSettings.AppId(root, support));
        Assert.Null(WidgetSettings.KeyId(root, support));
        Assert.Null(WidgetSettings.Signing(root, support));
    }

    [Fact]
    public void A_named_widgets_own_vendor_settings_win_over_the_roots()
    {
        var root = new WidgetIdentityOptions { Vendor = "Intercom", AppId = "root-app", KeyId = "root-kid", Signing = WidgetSigning.Jwt };
        var support = new WidgetOptions { AppId = "support-app", KeyId = "support-kid", Signing = WidgetSigning.Hmac };

        Assert.Equal("support-app", WidgetSettings.AppId(root, support));
        Assert.Equal("support-kid", WidgetSettings.KeyId(root, support));
        Assert.Equal(WidgetSigning.Hmac, WidgetSettings.Signing(root, support));
    }

    [Fact]
    public void A_named_widgets_token_lifetime_incomplete_user_fallback_name_and_cookie_domain_win_over_the_roots()
    {
        var root = new WidgetIdentityOptions
        {
            TokenLifetime = TimeSpan.FromMinutes(2), IncompleteUser = IncompleteUserHandling.Anonymous, FallbackName = "Visitor {id}", CookieDomain = ".root.example",
        };
        var support = new WidgetOptions
        {
            TokenLifetime = TimeSpan.FromMinutes(7), IncompleteUser = IncompleteUserHandling.FallbackName, FallbackName = "Customer {id}", CookieDomain = ".support.example",
        };

        Assert.Equal(TimeSpan.FromMinutes(7), WidgetSettings.TokenLifetime(root, support));
        Assert.Equal(IncompleteUserHandling.FallbackName, WidgetSettings.IncompleteUser(root, support));
        Assert.Equal("Customer {id}", WidgetSettings.FallbackName(root, support));
        Assert.Equal(".support.example", WidgetSettings.CookieDomain(root, support));
    }

    [Fact]
    public void A_named_widget_takes_the_roots_token_lifetime_and_fallback_name()
    {
        var root = new WidgetIdentityOptions { TokenLifetime = TimeSpan.FromMinutes(2), FallbackName = "Visitor {id}" };
        var support = new WidgetOptions { FallbackName = " " };

        Assert.Equal(TimeSpan.FromMinutes(2), WidgetSettings.TokenLifetime(root, support));
        Assert.Equal("Visitor {id}", WidgetSettings.FallbackName(root, support));
    }

    [Fact]
    public void Unset_everywhere_a_token_lives_ten_minutes_and_an_incomplete_user_gets_the_fallback_name()
    {
        var root = new WidgetIdentityOptions();

        Assert.Equal(TimeSpan.FromMinutes(10), WidgetSettings.TokenLifetime(root, new WidgetOptions()));
        Assert.Equal(IncompleteUserHandling.FallbackName, WidgetSettings.IncompleteUser(root, new WidgetOptions()));
        Assert.Null(WidgetSettings.FallbackName(root, new WidgetOptions()));
        Assert.Null(WidgetSettings.CookieDomain(root, new WidgetOptions { CookieDomain = " " }));
    }

    [Fact]
    public void Sign_out_deletes_the_vendors_cookies_then_the_configured_ones_trimmed_once_each()
    {
        var root = new WidgetIdentityOptions { SignOutCookies = [" chat_* ", "", "  ", "cw_conversation", "chat_*"] };

        Assert.Equal(["cw_conversation", "cw_user_*", "chat_*"], WidgetSettings.SignOutCookies(root, new WidgetOptions(), ["cw_conversation", "cw_user_*"]));
    }

    [Fact]
    public void A_named_widgets_own_sign_out_cookies_replace_the_roots()
    {
        var root = new WidgetIdentityOptions { SignOutCookies = ["root_*"] };

        Assert.Equal(["support_*"], WidgetSettings.SignOutCookies(root, new WidgetOptions { SignOutCookies = ["support_*"] }, []));
    }

    [Fact]
    public void The_guard_knows_every_current_and_previous_secret_of_every_widget_once()
    {
        var root = new WidgetIdentityOptions
        {
            Secret = RootSecret,
            PreviousSecret = " ",
            Widgets =
            {
                ["empty"] = null!,
                ["support"] = new() { Secret = SupportSecret, PreviousSecret = "TEST-ONLY-support-previous-secret-7" },
                ["sales"] = new() { Secret = RootSecret },
            },
        };

        Assert.Equal(
            [RootSecret, "TEST-ONLY-support-previous-secret-7", SupportSecret],
            WidgetSettings.AllSecrets(root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_named_widgets_settings_are_named_by_their_own_configuration_key()
    {
        Assert.Equal("WidgetIdentity", WidgetSettings.KeyPrefix(null));
        Assert.Equal("WidgetIdentity:Widgets:support", WidgetSettings.KeyPrefix("support"));
    }

    [Fact]
    public void How_to_set_a_named_widgets_setting_nests_the_json_and_names_the_environment_variable()
    {
        var howTo = WidgetSettings.HowToSet("WidgetIdentity:Widgets:support", "AppId", "\"<your app id>\"");

        Assert.Contains("Add \"AppId\": \"<your app id>\" to the section \"WidgetIdentity\": { \"Widgets\": { \"support\": { ... } } } in appsettings.json", howTo);
        Assert.Contains("WidgetIdentity__Widgets__support__AppId", howTo);
    }

    private static WidgetClaimOptions ClaimTypes(string? prefix)
    {
        var claims = new WidgetClaimOptions();
        foreach (var setting in ClaimTypeSettings)
        {
            setting.SetValue(claims, prefix is null || prefix.Trim().Length == 0 ? prefix : $"{prefix}-{setting.Name}");
        }

        return claims;
    }
}
