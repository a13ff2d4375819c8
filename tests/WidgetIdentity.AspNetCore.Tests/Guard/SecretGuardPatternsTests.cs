using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Guard;

public class SecretGuardPatternsTests
{
    private const string StripeKey = "sk_test_TESTONLY4eC39HqLyjWDarjtT1zdp7dc";
    private const string NewStripeKey = "sk_test_TESTONLYrotated9Wq2Lp5Xc8Vb";
    private const string Password = "TEST-ONLY-pw-7Qx9Lm2Vz4";
    private const string ConnectionString = "Server=db;Database=shop;User Id=app;Password=" + Password + ";";
    private const string ShortValue = "TEST-pw-9";
    private const string PreviousSecret = "TEST-ONLY-previous-secret-5544";
    private const string NamedPreviousSecret = "TEST-ONLY-named-previous-8812";

    [Fact]
    public void Guards_the_named_values_the_password_on_its_own_and_the_previous_secret()
    {
        var (patterns, _, _) = Build(new()
        {
            ["Payments:Stripe:SecretKey"] = StripeKey,
            ["ConnectionStrings:Shop"] = ConnectionString,
            ["WidgetIdentity:PreviousSecret"] = PreviousSecret,
            ["WidgetIdentity:Widgets:support:Vendor"] = "Chatku",
            ["WidgetIdentity:Widgets:support:PreviousSecret"] = NamedPreviousSecret,
            ["WidgetIdentity:Guard:Protect:0"] = "ConnectionStrings:*",
            ["WidgetIdentity:Guard:Protect:1"] = "payments:stripe:secretkey",
        });

        Assert.True(Finds(patterns, StripeKey));
        Assert.True(Finds(patterns, ConnectionString));
        Assert.True(Finds(patterns, "Login failed, password '" + Password + "'"));
        Assert.True(Finds(patterns, PreviousSecret));
        Assert.True(Finds(patterns, NamedPreviousSecret));
        Assert.True(Finds(patterns, TestOptions.Secret));
        Assert.False(Finds(patterns, "Server=db;Database=shop;User Id=app;"));
    }

    [Fact]
    public void Warns_by_key_never_by_value_about_what_it_cannot_guard()
    {
        var (patterns, logs, _) = Build(new()
        {
            ["Mail:Password"] = ShortValue,
            ["Mail:Host"] = "smtp.mail.example.com",
            ["ConnectionStrings:Shop"] = "Server=db;Database=shop;User Id=app;Password=" + ShortValue + ";",
            ["WidgetIdentity:Guard:Protect:0"] = "Mail:*",
            ["WidgetIdentity:Guard:Protect:1"] = "ConnectionStrings:*",
            ["WidgetIdentity:Guard:Protect:2"] = "Payments:Strpie:SecretKey",
            ["WidgetIdentity:Guard:Protect:3"] = "Conn*",
        });

        _ = patterns.Current(out _);
        _ = patterns.Current(out _);

        var warnings = logs.Entries.Where(entry => entry.Level == LogLevel.Warning).ToArray();
        Assert.Equal([107, 107, 107, 108, 109], warnings.Select(entry => entry.EventId.Id).Order());
        Assert.Contains(warnings, entry => entry.EventId.Id == 107 && entry.Message.Contains("Mail:Password", StringComparison.Ordinal));
        Assert.Contains(warnings, entry => entry.EventId.Id == 107 && entry.Message.Contains("Mail:Host", StringComparison.Ordinal));
        Assert.Contains(warnings, entry => entry.EventId.Id == 107 && entry.Message.Contains("ConnectionStrings:Shop", StringComparison.Ordinal)
            && entry.Message.Contains("password", StringComparison.Ordinal));
        Assert.Contains(warnings, entry => entry.EventId.Id == 108 && entry.Message.Contains("Payments:Strpie:SecretKey", StringComparison.Ordinal));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain(ShortValue, entry.Message, StringComparison.Ordinal));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain("smtp.mail", entry.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_configuration_reload_changes_the_guarded_set_without_a_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Payments:Stripe:SecretKey"] = StripeKey,
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Guard:Protect:0"] = "Payments:*",
        };
        var (patterns, _, source) = Build(settings);
        Assert.True(Finds(patterns, StripeKey));
        Assert.False(Finds(patterns, NewStripeKey));

        source.ReplaceAll(new Dictionary<string, string?>(settings) { ["Payments:Stripe:SecretKey"] = NewStripeKey });

        Assert.True(Finds(patterns, NewStripeKey));
        Assert.False(Finds(patterns, StripeKey));
        Assert.True(Finds(patterns, TestOptions.Secret));
    }

    [Fact]
    public void A_previous_secret_too_short_to_guard_fails_start_up_naming_its_key()
    {
        var failure = TestOptions.ValidationFailure(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
            ["WidgetIdentity:Widgets:support:Vendor"] = "Chatku",
            ["WidgetIdentity:Widgets:support:PreviousSecret"] = ShortValue,
        });

        Assert.Contains("WidgetIdentity:Widgets:support:PreviousSecret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortValue, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_warning_says_which_part_is_not_guarded_and_why()
    {
        var (patterns, logs, _) = Build(new()
        {
            ["Mail:Password"] = ShortValue,
            ["Mail:Host"] = "smtp.mail.example.com",
            ["Mail:ApiKey"] = "your_secret_key_here",
            ["ConnectionStrings:Shop"] = "Server=db;Database=shop;User Id=app;Password=" + ShortValue + ";",
            ["WidgetIdentity:Guard:Protect:0"] = "Mail:*",
            ["WidgetIdentity:Guard:Protect:1"] = "ConnectionStrings:*",
        });

        _ = patterns.Current(out _);

        Assert.Equal(
            [
                "ConnectionStrings:Shop: the password in its connection string: it is shorter than 16 characters, so masking it would mask ordinary text",
                "Mail:ApiKey: its value: it is a placeholder, not a secret",
                "Mail:Host: its value: it is an ordinary value (a boolean, number, date, URL without credentials, host name or sentence) that pages show anyway",
                "Mail:Password: its value: it is shorter than 16 characters, so masking it would mask ordinary text",
            ],
            logs.Entries.Where(entry => entry.EventId.Id == 107).Select(entry => Summary(entry.Message)));
    }

    [Fact]
    public void A_reload_repeats_the_warnings_only_when_what_they_say_changes()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Password"] = ShortValue,
            ["WidgetIdentity:Guard:Protect:0"] = "Mail:*",
            ["WidgetIdentity:Guard:Protect:1"] = "Payments:Strpie:SecretKey",
        };
        var (patterns, logs, source) = Build(settings);
        _ = patterns.Current(out _);
        Assert.Equal([107, 108], Warnings(logs));

        source.ReplaceAll(new Dictionary<string, string?>(settings) { ["Mail:Password"] = "TEST-pw-8" }); // still too short: the same warnings
        _ = patterns.Current(out _);
        Assert.Empty(Warnings(logs));

        settings["Mail:Password"] = "smtp.mail.example.com"; // now an ordinary value: a new reason
        source.ReplaceAll(new Dictionary<string, string?>(settings));
        _ = patterns.Current(out _);
        Assert.Equal([107, 108], Warnings(logs));

        settings["WidgetIdentity:Guard:Protect:1"] = "Payments:Stirpe:SecretKey"; // another pattern that matches nothing
        source.ReplaceAll(new Dictionary<string, string?>(settings));
        _ = patterns.Current(out _);
        var entries = logs.Entries.ToArray();
        Assert.Equal([107, 108], Warnings(logs));
        Assert.Contains("Payments:Stirpe:SecretKey", entries.Single(entry => entry.EventId.Id == 108).Message, StringComparison.Ordinal);
    }

    // The report of one pattern that is invalid and of another that matches nothing must not read the same.
    [Theory]
    [InlineData("u*:ApiKey", "*:ApiKey")]
    [InlineData(":ApiKey", "i:ApiKey")]
    public void An_invalid_pattern_corrected_into_one_that_matches_nothing_is_warned_about(string invalid, string matchingNothing)
    {
        var settings = new Dictionary<string, string?> { ["WidgetIdentity:Guard:Protect:0"] = invalid };
        var (patterns, logs, source) = Build(settings);
        _ = patterns.Current(out _);
        Assert.Equal([109], Warnings(logs));

        source.ReplaceAll(new Dictionary<string, string?>(settings) { ["WidgetIdentity:Guard:Protect:0"] = matchingNothing });
        _ = patterns.Current(out _);

        Assert.Equal([108], Warnings(logs));
    }

    [Fact]
    public void New_options_are_guarded_at_once_without_a_configuration_reload()
    {
        var options = new SwitchableOptions(new WidgetIdentityOptions { Secret = StripeKey });
        using var patterns = new SecretGuardPatterns(options);
        Assert.True(Finds(patterns, StripeKey));

        options.CurrentValue = new WidgetIdentityOptions { Secret = NewStripeKey };

        Assert.True(Finds(patterns, NewStripeKey));
        Assert.False(Finds(patterns, StripeKey));
    }

    [Fact]
    public void A_reloaded_protected_value_is_guarded_while_the_options_stay_the_same()
    {
        var source = new ReloadableConfiguration(new Dictionary<string, string?> { ["Payments:Stripe:SecretKey"] = StripeKey });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var options = new SwitchableOptions(new WidgetIdentityOptions { Secret = TestOptions.Secret, Guard = { Protect = ["Payments:*"] } });
        using var patterns = new SecretGuardPatterns(options, configuration: configuration);
        Assert.True(Finds(patterns, StripeKey));

        source.ReplaceAll(new Dictionary<string, string?> { ["Payments:Stripe:SecretKey"] = NewStripeKey });

        Assert.True(Finds(patterns, NewStripeKey));
        Assert.False(Finds(patterns, StripeKey));
    }

    [Fact]
    public void Without_any_secret_configured_there_is_nothing_to_guard()
    {
        using var patterns = new SecretGuardPatterns(new SwitchableOptions(new WidgetIdentityOptions()));

        Assert.Null(patterns.Current(out var mode));
        Assert.Equal(SecretGuardMode.Redact, mode);
    }

    // The warning's key, part and reason: "WidgetIdentity:Guard:Protect covers {Key}, but {Part} is not guarded: {Reason}. Use ...".
    private static string Summary(string message)
    {
        var key = message[(message.IndexOf("covers ", StringComparison.Ordinal) + 7)..message.IndexOf(", but ", StringComparison.Ordinal)];
        var part = message[(message.IndexOf(", but ", StringComparison.Ordinal) + 6)..message.IndexOf(" is not guarded", StringComparison.Ordinal)];
        var reason = message[(message.IndexOf("is not guarded: ", StringComparison.Ordinal) + 16)..message.IndexOf(". Use a longer", StringComparison.Ordinal)];
        return $"{key}: {part}: {reason}";
    }

    // The warnings logged since the last call, by EventId in order (the log is emptied).
    private static int[] Warnings(ListLoggerProvider logs)
    {
        var ids = logs.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.EventId.Id).Order().ToArray();
        logs.Entries.Clear();
        return ids;
    }

    private static bool Finds(SecretGuardPatterns patterns, string text) =>
        patterns.Current(out _)!.FindNext(Encoding.UTF8.GetBytes("<p>" + text + "</p>"), 0, final: true).Kind == ScanHitKind.Match;

    private static (SecretGuardPatterns Patterns, ListLoggerProvider Logs, ReloadableConfiguration Source) Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("WidgetIdentity:Secret", TestOptions.Secret);
        var source = new ReloadableConfiguration(settings);
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs))
            .AddWidgetIdentity()
            .BuildServiceProvider();
        return (services.GetRequiredService<SecretGuardPatterns>(), logs, source);
    }

    private sealed class SwitchableOptions(WidgetIdentityOptions value) : IOptionsMonitor<WidgetIdentityOptions>
    {
        public WidgetIdentityOptions CurrentValue { get; set; } = value;

        public WidgetIdentityOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<WidgetIdentityOptions, string?> listener) => null;
    }
}
