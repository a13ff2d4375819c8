using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Configuration;

public sealed partial class OptionsValidationTests
{
    [Fact]
    public void A_missing_secret_names_the_key_and_the_commands_that_set_it_in_a_template_app()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?> { ["WidgetIdentity:Vendor"] = "Ainisa" });

        Assert.Contains("WidgetIdentity:Secret is not set", failure.Message);
        // A template app has no UserSecretsId: `set` fails there until `init` has run.
        var init = failure.Message.IndexOf("`dotnet user-secrets init`", StringComparison.Ordinal);
        var set = failure.Message.IndexOf("`dotnet user-secrets set \"WidgetIdentity:Secret\" \"<the key from your widget vendor>\"`", StringComparison.Ordinal);
        Assert.InRange(init, 0, set);
        Assert.Contains("WidgetIdentity__Secret", failure.Message);
    }

    [Fact]
    public void A_named_widgets_secret_hint_names_its_own_key_and_environment_variable()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Widgets:support:Secret"] = "changeme",
        });

        Assert.Contains("`dotnet user-secrets set \"WidgetIdentity:Widgets:support:Secret\"", failure.Message);
        Assert.Contains("WidgetIdentity__Widgets__support__Secret", failure.Message);
    }

    [Theory]
    [InlineData("WidgetIdentity:Vendor", "Intercom", "WidgetIdentity:AppId is not set", "WidgetIdentity__AppId")]
    [InlineData("WidgetIdentity:Widgets:help:Vendor", "Zendesk", "WidgetIdentity:Widgets:help:KeyId is not set", "WidgetIdentity__Widgets__help__KeyId")]
    [InlineData("WidgetIdentity:Preview", "true", "preview mode", "WidgetIdentity__AllowPreviewOutsideDevelopment")]
    public void A_start_up_message_shows_the_appsettings_json_that_fixes_it(string key, string value, string failureText, string environmentVariable)
    {
        var settings = new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret, [key] = value };

        var failure = TestOptions.ValidationFailure(settings).Message;

        Assert.Contains(failureText, failure);
        Assert.Contains(environmentVariable, failure);
        var fix = AppSettingsFix().Match(failure);
        Assert.True(fix.Success, failure);
        var json = "{ " + fix.Groups["section"].Value.Replace("...", fix.Groups["setting"].Value, StringComparison.Ordinal) + " }";
        var pasted = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        foreach (var (pastedKey, pastedValue) in pasted.AsEnumerable().Where(entry => entry.Value is not null))
        {
            settings[pastedKey] = pastedValue;
        }

        Assert.NotNull(TestOptions.Resolve(settings)); // starts
    }

    [GeneratedRegex("""Add (?<setting>"\w+": (?:"[^"]*"|true)) to the section (?<section>.+?) in appsettings\.json""")]
    private static partial Regex AppSettingsFix();

    [Fact]
    public void A_short_secret_is_refused_without_showing_it()
    {
        const string shortSecret = "tooShortSecret1";

        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = shortSecret });

        Assert.Contains("WidgetIdentity:Secret is shorter than 16 characters", failure.Message);
        Assert.DoesNotContain(shortSecret, failure.Message);
    }

    [Theory]
    [InlineData("your_secret_key_here")]
    [InlineData("YOUR_SECRET_KEY_0000")]
    [InlineData("<your-widget-secret>")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("please-changeme-before-prod")]
    public void A_placeholder_from_vendor_docs_is_refused_without_showing_it(string placeholder)
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = placeholder });

        Assert.Contains("WidgetIdentity:Secret is a placeholder", failure.Message);
        Assert.DoesNotContain(placeholder, failure.Message);
    }

    [Fact]
    public void An_unknown_vendor_is_a_start_up_error_listing_the_supported_ones()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Vendor"] = "Intercomm",
        });

        Assert.Contains("WidgetIdentity:Vendor is not a supported vendor", failure.Message);
        Assert.Contains("Ainisa", failure.Message);
        Assert.DoesNotContain(TestOptions.Secret, failure.Message);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/widget.js")]
    [InlineData("not a url")]
    [InlineData("/\\evil.example/widget.js")]
    [InlineData("ftp://cdn.example/widget.js")]
    public void A_malformed_script_url_is_a_start_up_error(string scriptUrl)
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:ScriptUrl"] = scriptUrl,
        });

        Assert.Contains("WidgetIdentity:ScriptUrl must be an absolute http:// or https:// URL", failure.Message);
    }

    [Fact]
    public void A_named_widget_with_a_bad_secret_names_its_own_key()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Widgets:support:Vendor"] = "Chatku",
            ["WidgetIdentity:Widgets:support:Secret"] = "TEST-sup-9k",
        });

        Assert.Contains("WidgetIdentity:Widgets:support:Secret is shorter than 16 characters", failure.Message);
        Assert.Contains("WidgetIdentity__Widgets__support__Secret", failure.Message);
        Assert.DoesNotContain("TEST-sup-9k", failure.Message); // a value the message could otherwise hold ("short" is in "shorter")
        Assert.DoesNotContain(TestOptions.Secret, failure.Message);
    }

    [Fact]
    public void A_named_widget_with_an_unknown_vendor_names_its_own_key()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Widgets:support:Vendor"] = "Nope",
        });

        Assert.Contains("WidgetIdentity:Widgets:support:Vendor is not a supported vendor", failure.Message);
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Vendor"] = "Nope",
            ["WidgetIdentity:ScriptUrl"] = "javascript:x",
        });

        Assert.Equal(3, failure.Failures.Count());
    }

    [Fact]
    public void A_valid_configuration_binds_every_setting()
    {
        var options = TestOptions.Resolve(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Vendor"] = "chatku",
            ["WidgetIdentity:ScriptUrl"] = "/js/loader.js",
            ["WidgetIdentity:Claims:UserId"] = "employee_id",
            ["WidgetIdentity:Guard:Mode"] = "Block",
            ["WidgetIdentity:Widgets:Support:Vendor"] = "Ainisa",
        });

        Assert.Equal("chatku", options.Vendor);
        Assert.Equal("/js/loader.js", options.ScriptUrl);
        Assert.Equal("employee_id", options.Claims.UserId);
        Assert.Equal(SecretGuardMode.Block, options.Guard.Mode);
        Assert.True(options.Widgets.ContainsKey("support"), "widget names are case-insensitive");
    }

    [Fact]
    public void The_configure_overload_runs_after_configuration_binding()
    {
        var services = TestOptions.BuildServices(
            new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = "short" },
            options => options.Secret = TestOptions.Secret);

        var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<WidgetIdentityOptions>>(services).Value;

        Assert.Equal(TestOptions.Secret, options.Secret);
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("example .com")]
    [InlineData(".")]
    public void A_cookie_domain_that_is_not_a_domain_name_names_the_key(string domain)
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Widgets:support:CookieDomain"] = domain,
        });

        Assert.Contains("WidgetIdentity:Widgets:support:CookieDomain must be a domain name", failure.Message);
    }

    [Fact]
    public void A_named_widget_takes_the_root_fallback_and_sign_out_settings_where_it_names_none()
    {
        var options = TestOptions.Resolve(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:IncompleteUser"] = "anonymous",
            ["WidgetIdentity:CookieDomain"] = ".example.com",
            ["WidgetIdentity:SignOutCookies:0"] = "chat_*",
            ["WidgetIdentity:Widgets:support:Vendor"] = "Chatku",
            ["WidgetIdentity:Widgets:support:FallbackName"] = "Customer {id}",
        });

        var support = new WidgetIdentity.Configuration.WidgetCatalog(new FixedOptionsMonitor(options)).Find("support")!;
        Assert.Equal(IncompleteUserHandling.Anonymous, support.IncompleteUser);
        Assert.Equal("Customer {id}", support.FallbackName);
        Assert.Equal(".example.com", support.CookieDomain);
        Assert.Equal(["cw_conversation", "cw_user_*", "chat_*"], support.SignOutCookies);
    }

    [Theory]
    [InlineData("Secret", "k7Qz2Lm9Xp4Rt8Wv")] // exactly 16 characters
    [InlineData("PreviousSecret", "v8tR4pX9mL2zQ7kA")]
    [InlineData("PreviousSecret", " ")] // blank counts as none
    [InlineData("TokenLifetime", "1.00:00:00")]
    [InlineData("TokenLifetime", "00:00:01")]
    [InlineData("CookieDomain", "")]
    [InlineData("CookieDomain", "example.com")]
    [InlineData("CookieDomain", "a.example.com")]
    [InlineData("ScriptUrl", "http://cdn.example/widget.js")]
    public void A_setting_at_the_edge_of_what_is_allowed_starts(string setting, string value)
    {
        Assert.NotNull(TestOptions.Resolve(WithSecret(setting, value)));
    }

    [Theory]
    [InlineData("PreviousSecret", "your-previous-secret-here", "WidgetIdentity:PreviousSecret is shorter than 16 characters or a placeholder")]
    [InlineData("TokenLifetime", "00:00:00", "WidgetIdentity:TokenLifetime must be more than zero and at most a day")]
    [InlineData("TokenLifetime", "-00:05:00", "WidgetIdentity:TokenLifetime must be more than zero and at most a day")]
    [InlineData("TokenLifetime", "1.00:00:01", "WidgetIdentity:TokenLifetime must be more than zero and at most a day")]
    public void A_setting_just_outside_what_is_allowed_names_its_key_without_showing_the_value(string setting, string value, string failureText)
    {
        var failure = TestOptions.ValidationFailure(WithSecret(setting, value));

        Assert.Contains(failureText, failure.Message);
        Assert.DoesNotContain(value, failure.Message);
    }

    [Fact]
    public void A_bad_root_secret_is_reported_once_not_again_for_each_named_widget_that_uses_it()
    {
        var settings = WithSecret("Widgets:support:Vendor", "Chatku");
        settings["WidgetIdentity:Secret"] = "tooShortSecret1";

        var failure = TestOptions.ValidationFailure(settings);

        Assert.StartsWith("WidgetIdentity:Secret is shorter than 16 characters", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_widget_left_empty_names_its_section()
    {
        var services = TestOptions.BuildServices(WithSecret("Vendor", "Ainisa"), options => options.Widgets["support"] = null!);

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<WidgetIdentityOptions>>(services).Value);

        Assert.Contains("WidgetIdentity:Widgets:support is empty", failure.Message);
    }

    [Fact]
    public void Preview_outside_development_names_the_environment_it_is_on()
    {
        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => PreviewIn(Microsoft.Extensions.Hosting.Environments.Production));

        Assert.Contains("is on in the Production environment", failure.Message);
    }

    [Fact]
    public void The_script_url_is_not_checked_while_the_preview_widget_loads_instead()
    {
        var settings = WithSecret("Preview", "true");
        settings["WidgetIdentity:AllowPreviewOutsideDevelopment"] = "true";
        settings["WidgetIdentity:ScriptUrl"] = "<vendor script url>";

        Assert.NotNull(TestOptions.Resolve(settings));
    }

    [Fact]
    public void Preview_in_development_is_accepted()
    {
        Assert.True(PreviewIn(Microsoft.Extensions.Hosting.Environments.Development).Preview);
    }

    private static WidgetIdentityOptions PreviewIn(string environment)
    {
        var services = TestOptions.BuildServices(
            WithSecret("Preview", "true"),
            services: collection => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(collection, 
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment }));
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<WidgetIdentityOptions>>(services).Value;
    }

    [Fact]
    public void Preview_in_an_app_without_a_host_environment_says_so_and_how_to_turn_it_off()
    {
        var failure = TestOptions.ValidationFailure(WithSecret("Preview", "true"));

        Assert.Contains("is on in the (no host environment) environment. "
            + "The preview widget and its verify endpoint are for development: turn preview off and set the real Vendor, or opt in explicitly:",
            failure.Message);
    }

    [Fact]
    public void A_refused_previous_secret_says_what_to_set_it_to()
    {
        var failure = TestOptions.ValidationFailure(WithSecret("PreviousSecret", "too-short"));

        Assert.Contains("so it is not a widget secret the guard can keep out of responses. Set it to the full secret the vendor issued "
            + "before the current one, or remove it once the vendor has switched over.", failure.Message);
    }

    [Fact]
    public void A_secret_too_short_for_a_jwt_says_how_long_it_must_be()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Vendor"] = "Featurebase",
            ["WidgetIdentity:Secret"] = "TEST-ONLY-short-but-16+",
            ["WidgetIdentity:AppId"] = "68ac623bb50949d095155ee3",
        });

        Assert.Contains("the JWT library needs a key of at least 256 bits (32 bytes of UTF-8). "
            + "Use the full secret from the vendor's identity verification settings.", failure.Message);
    }

    [Fact]
    public void Validating_no_options_is_refused_by_name()
    {
        var validator = new WidgetIdentity.Configuration.WidgetIdentityOptionsValidator();

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => validator.Validate(null, null!)).ParamName);
    }

    /// <summary>A valid root secret and one more setting (which may be the secret itself).</summary>
    private static Dictionary<string, string?> WithSecret(string setting, string value) =>
        new() { ["WidgetIdentity:Secret"] = TestOptions.Secret, [$"WidgetIdentity:{setting}"] = value };

    private sealed class FixedOptionsMonitor(WidgetIdentityOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<WidgetIdentityOptions>
    {
        public WidgetIdentityOptions CurrentValue => value;

        public WidgetIdentityOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<WidgetIdentityOptions, string?> listener) => null;
    }
}
