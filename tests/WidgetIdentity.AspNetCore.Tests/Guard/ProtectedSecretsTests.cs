using Microsoft.Extensions.Configuration;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class ProtectedSecretsTests
{
    [Fact]
    public void What_cannot_be_guarded_is_listed_by_key_in_case_insensitive_key_order_whole_value_or_password()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["mail:Host"] = "smtp.mail.example.com",
            ["ConnectionStrings:Shop"] = "Server=db;User Id=app;Password=TEST-pw-9;",
            ["Billing:Password"] = "TEST-pw-9",
        }).Build();

        var report = ProtectedSecrets.Collect(["ConnectionStrings:*", "Mail:*", "Billing:*"], configuration);

        Assert.Equal(
            [
                new UnguardedKey("Billing:Password", false, UnguardedReason.TooShort),
                new UnguardedKey("ConnectionStrings:Shop", true, UnguardedReason.TooShort),
                new UnguardedKey("mail:Host", false, UnguardedReason.OrdinaryValue),
            ],
            report.Unguarded);
        Assert.Equal(["Server=db;User Id=app;Password=TEST-pw-9;"], report.Values);
    }

    [Fact]
    public void Without_a_configuration_every_pattern_matches_nothing()
    {
        var report = ProtectedSecrets.Collect(["ConnectionStrings:*", "Conn*"], configuration: null);

        Assert.Empty(report.Values);
        Assert.Equal(["ConnectionStrings:*"], report.Unmatched);
        Assert.Equal(["Conn*"], report.Invalid);
    }
}
