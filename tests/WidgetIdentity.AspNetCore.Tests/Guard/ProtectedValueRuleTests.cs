using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class ProtectedValueRuleTests
{
    [Theory]
    [InlineData("sk_test_TESTONLY4eC39HqLyjWDarjtT1zdp7dc")]
    [InlineData("Server=db;Database=shop;User Id=app;Password=TEST-ONLY-pw-7Qx9Lm2Vz4;")]
    [InlineData("a3f1c0de-TEST-ONLY-4b7e-9d2a61f0e5c4")]
    [InlineData("https://user:TEST-ONLY-pass@example.com/")]
    [InlineData("https://hooks.example.com/services/T0/B0?token=TESTONLYx7Qm2")]
    [InlineData("https://hooks.example.com/services/T0/B0/TESTONLYx7Qm2Lp9Wz4K")]
    public void Guards_a_long_secret_like_value(string value)
    {
        Assert.Null(ProtectedValueRule.Check(value));
    }

    [Theory]
    [InlineData("short-pw-123", (int)UnguardedReason.TooShort)]
    [InlineData("true", (int)UnguardedReason.TooShort)]
    [InlineData("localhost", (int)UnguardedReason.TooShort)]
    [InlineData("your_secret_key_here", (int)UnguardedReason.Placeholder)]
    [InlineData("<your stripe key goes here>", (int)UnguardedReason.Placeholder)]
    [InlineData("12345678901234567890", (int)UnguardedReason.OrdinaryValue)]
    [InlineData("2026-11-30T16:25:29+00:00", (int)UnguardedReason.OrdinaryValue)]
    [InlineData("https://api.stripe.com/v1/charges", (int)UnguardedReason.OrdinaryValue)]
    [InlineData("db-primary.internal.example.com", (int)UnguardedReason.OrdinaryValue)]
    [InlineData("Welcome to our support chat", (int)UnguardedReason.OrdinaryValue)]
    public void Leaves_a_short_placeholder_or_ordinary_value_unguarded(string value, int reason)
    {
        Assert.Equal((UnguardedReason)reason, ProtectedValueRule.Check(value));
    }

    [Fact]
    public void Finds_the_password_of_a_connection_string_in_either_spelling()
    {
        Assert.Equal(["TEST-ONLY-pw-7Qx9Lm2Vz4"], ConnectionStringPasswords.Find("Server=db;User Id=app;Password=TEST-ONLY-pw-7Qx9Lm2Vz4;"));
        Assert.Equal(["TEST-ONLY;quoted'pw"], ConnectionStringPasswords.Find("Host=db;PWD=\"TEST-ONLY;quoted'pw\";Port=5432"));
        Assert.Equal(["TEST-ONLY%2Fpw-Kq81", "TEST-ONLY/pw-Kq81"], ConnectionStringPasswords.Find("redis://app:TEST-ONLY%2Fpw-Kq81@cache.example.com:6379/0"));
        Assert.Empty(ConnectionStringPasswords.Find("Server=db;Integrated Security=true"));
        Assert.Empty(ConnectionStringPasswords.Find("https://cache.example.com/path"));
        Assert.Empty(ConnectionStringPasswords.Find("sk_test_TESTONLY4eC39HqLyjWDarjtT1zdp7dc"));
    }
}
