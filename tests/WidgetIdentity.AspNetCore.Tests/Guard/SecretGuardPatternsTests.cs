using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
}
