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
        Assert.Equal(["TEST-ONLY-pw-7Qx9Lm2Vz4"], ConnectionStringPasswords.Find("Password=TEST-ONLY-pw-7Qx9Lm2Vz4"));
        Assert.Empty(ConnectionStringPasswords.Find("Server=db;Integrated Security=true"));
        Assert.Empty(ConnectionStringPasswords.Find("VEVTVC1PTkxZLWJhc2U2NC12YWx1ZQ=="));
        Assert.Empty(ConnectionStringPasswords.Find("https://cache.example.com/path"));
        Assert.Empty(ConnectionStringPasswords.Find("sk_test_TESTONLY4eC39HqLyjWDarjtT1zdp7dc"));
    }

    [Fact]
    public void A_value_of_exactly_sixteen_characters_is_guarded_and_one_of_fifteen_is_too_short()
    {
        Assert.Null(ProtectedValueRule.Check("TEST-ONLY-x7Qm2L"));
        Assert.Equal(UnguardedReason.TooShort, ProtectedValueRule.Check("TEST-ONLY-x7Qm2"));
    }

    [Theory]
    [InlineData("3.14159265358979323846")] // a decimal point
    [InlineData("-1,234,567,890.125")] // a sign and thousands separators
    [InlineData("6.02214076E+23 per mol")] // an exponent, in a sentence
    public void A_number_in_any_invariant_notation_is_an_ordinary_value(string value)
    {
        Assert.Equal(UnguardedReason.OrdinaryValue, ProtectedValueRule.Check(value));
    }

    [Theory]
    [InlineData("CorrectHorseBatteryStaple")] // letters only, no dot: a passphrase, not a host name
    [InlineData("x7Qm2Lp9.Wz4K3TEST.ONLY42")] // dotted, but the last part has digits: a token, not a host name
    [InlineData("TEST+ONLY.x7Qm2Lp9.abc")] // dotted, but "+" is not in a host name
    [InlineData("acct-42:TEST-ONLY-9Wz4")] // an "id:secret" pair reads as an absolute URI with the scheme acct-42
    [InlineData("9TESTONLY://x7Qm2Lp9Wz4K")] // "://" but not a URL
    [InlineData("TESTONLYx7Qm2Lp9Wz4Kb6Nc8Rd0TESTONLYx7Qm2Lp9Wz4Kb6Nc8Rd0TESTONLYx7Q.abc")] // a first part longer than a DNS label (64)
    public void A_token_that_only_looks_like_a_host_name_or_url_is_guarded(string value)
    {
        Assert.Null(ProtectedValueRule.Check(value));
    }

    [Fact]
    public void A_url_path_segment_of_sixteen_characters_is_a_token_and_guarded()
    {
        Assert.Null(ProtectedValueRule.Check("https://hooks.example.com/services/TESTONLYx7Qm2Lp9"));
        Assert.Equal(UnguardedReason.OrdinaryValue, ProtectedValueRule.Check("https://hooks.example.com/services/TESTONLYx7Qm2Lp"));
    }

    [Fact]
    public void A_host_name_whose_labels_are_as_long_as_dns_allows_is_an_ordinary_value()
    {
        Assert.Equal(UnguardedReason.OrdinaryValue, ProtectedValueRule.Check(new string('a', 63) + ".example.com"));
    }

    [Fact]
    public void An_empty_password_is_no_password()
    {
        Assert.Empty(ConnectionStringPasswords.Find("Server=db;User Id=app;Password=;"));
        Assert.Empty(ConnectionStringPasswords.Find("Server=db;User Id=app;Password='';"));
        Assert.Empty(ConnectionStringPasswords.Find("Server=db;User Id=app;Pwd=\"\";"));
        Assert.Empty(ConnectionStringPasswords.Find("redis://app:@cache.example.com:6379/0"));
    }
}
