using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace WidgetIdentity.Guard.IntegrationTests;

/// <summary><c>WidgetIdentity:Guard:Protect</c>, <c>PreviousSecret</c> and configuration reloads on the guard test site.</summary>
public class ProtectedSecretsSiteTests
{
    private const string Password = "TEST-ONLY-pw-7Qx9Lm2Vz4";
    private const string ConnectionString = "Server=db.internal;Database=shop;User Id=app;Password=" + Password + ";";
    private const string StripeKey = "sk_test_TESTONLY4eC39HqLyjWDarjtT1zdp7dc";
    private const string NewStripeKey = "sk_test_TESTONLYrotated9Wq2Lp5Xc8Vb";
    private const string PreviousSecret = "TEST-ONLY-previous-root-secret-77";

    [Fact]
    public async Task A_connection_string_in_the_developer_exception_page_is_masked_whole_and_its_password_alone()
    {
        using var factory = GuardSiteFactory.With(new()
        {
            ["ConnectionStrings:Shop"] = ConnectionString,
            ["WidgetIdentity:Guard:Protect:0"] = "ConnectionStrings:*",
        });
        var client = factory.CreateClient();

        var response = await client.GetAsync("/throw/database");
        var partial = await client.GetAsync("/config?key=" + Uri.EscapeDataString("ConnectionStrings:Shop"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Cannot open the database with", body);
        Assert.DoesNotContain("Database=shop", body);
        Assert.DoesNotContain(Password, body);
        Assert.DoesNotContain(Password, await partial.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stripe_key_in_a_json_dump_is_masked_and_the_json_stays_valid()
    {
        using var factory = GuardSiteFactory.With(new()
        {
            ["Payments:Stripe:SecretKey"] = StripeKey,
            ["Payments:Stripe:Currency"] = "eur",
            ["WidgetIdentity:Guard:Protect:0"] = "Payments:Stripe:SecretKey",
        });

        var body = await factory.CreateClient().GetStringAsync("/api/payments");

        using var json = JsonDocument.Parse(body);
        var settings = json.RootElement.GetProperty("settings");
        Assert.Equal(new string('*', StripeKey.Length), settings.GetProperty("SecretKey").GetString());
        Assert.Equal("eur", settings.GetProperty("Currency").GetString());
    }

    [Fact]
    public async Task A_wildcard_section_protects_that_key_in_every_section_and_nothing_else()
    {
        const string MailKey = "TEST-ONLY-mail-key-Zq81Lx0Pw3";
        const string MapsKey = "TEST-ONLY-maps-key-Rt55Gh2Bn7";
        const string MapsId = "TEST-ONLY-maps-client-id-0042";
        using var factory = GuardSiteFactory.With(new()
        {
            ["Vendors:Mail:ApiKey"] = MailKey,
            ["Vendors:Maps:Google:ApiKey"] = MapsKey,
            ["Vendors:Maps:Google:ClientId"] = MapsId,
            ["WidgetIdentity:Guard:Protect:0"] = "*:ApiKey",
        });
        var client = factory.CreateClient();

        var mail = await client.GetStringAsync("/config?key=vendors:mail:apikey");
        var maps = await client.GetStringAsync("/config?key=Vendors:Maps:Google:ApiKey");
        var clientId = await client.GetStringAsync("/config?key=Vendors:Maps:Google:ClientId");

        Assert.Equal("<p>" + new string('*', MailKey.Length) + "</p>", mail);
        Assert.Equal("<p>" + new string('*', MapsKey.Length) + "</p>", maps);
        Assert.Equal("<p>" + MapsId + "</p>", clientId);
    }

    [Fact]
    public async Task A_rotated_previous_secret_is_masked_while_the_current_one_signs()
    {
        using var factory = GuardSiteFactory.With(new() { ["WidgetIdentity:PreviousSecret"] = PreviousSecret });
        var client = factory.CreateClient();

        var page = await client.GetStringAsync("/Home/Widget");
        var leak = await client.GetStringAsync("/config?key=WidgetIdentity:PreviousSecret");

        Assert.Contains("\"user_hash\":\"" + Hash(GuardSiteFactory.RootSecret, "42") + "\"", page);
        Assert.DoesNotContain(Hash(PreviousSecret, "42"), page);
        Assert.Equal("<p>" + new string('*', PreviousSecret.Length) + "</p>", leak);
    }

    [Fact]
    public async Task A_configuration_reload_changes_the_guarded_set_without_a_restart()
    {
        var source = new ReloadableSource(new() { ["Payments:Stripe:SecretKey"] = StripeKey });
        using var factory = GuardSiteFactory.With(new() { ["WidgetIdentity:Guard:Protect:0"] = "Payments:*" }, source);
        var client = factory.CreateClient();
        Assert.Equal("<p>" + new string('*', StripeKey.Length) + "</p>", await client.GetStringAsync("/config?key=Payments:Stripe:SecretKey"));

        // The key is rotated; the old value now lives under a key nobody protects, so it is no longer masked.
        source.Replace(new() { ["Payments:Stripe:SecretKey"] = NewStripeKey, ["Archive:RetiredKey"] = StripeKey });

        Assert.Equal("<p>" + new string('*', NewStripeKey.Length) + "</p>", await client.GetStringAsync("/config?key=Payments:Stripe:SecretKey"));
        Assert.Equal("<p>" + StripeKey + "</p>", await client.GetStringAsync("/config?key=Archive:RetiredKey"));
    }

    [Fact]
    public async Task Start_up_warnings_name_the_keys_it_cannot_guard_never_their_values()
    {
        const string ShortPassword = "TEST-pw-9";
        using var factory = GuardSiteFactory.With(new()
        {
            ["Mail:Password"] = ShortPassword,
            ["WidgetIdentity:Guard:Protect:0"] = "Mail:Password",
            ["WidgetIdentity:Guard:Protect:1"] = "Paymnets:Stripe:SecretKey",
        });

        _ = factory.CreateClient();

        var warnings = factory.Logs.Where(entry => entry.Level == LogLevel.Warning).ToArray();
        Assert.Contains(warnings, entry => entry.Id.Id == 107 && entry.Message.Contains("Mail:Password", StringComparison.Ordinal));
        Assert.Contains(warnings, entry => entry.Id.Id == 108 && entry.Message.Contains("Paymnets:Stripe:SecretKey", StringComparison.Ordinal));
        Assert.All(factory.Logs, entry => Assert.DoesNotContain(ShortPassword, entry.Message, StringComparison.Ordinal));
    }

    private static string Hash(string secret, string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(id)));

    private sealed class ReloadableSource(Dictionary<string, string?> values) : ConfigurationProvider, IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public override void Load() => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

        public void Replace(Dictionary<string, string?> replacement)
        {
            values = replacement;
            Load();
            OnReload();
        }
    }
}
