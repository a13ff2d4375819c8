using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class ProtectedKeyPatternTests
{
    [Theory]
    [InlineData("Payments:Stripe:SecretKey", "Payments:Stripe:SecretKey", true)]
    [InlineData("Payments:Stripe:SecretKey", "payments:STRIPE:secretkey", true)]
    [InlineData("Payments:Stripe:SecretKey", "Payments:Stripe:PublishableKey", false)]
    [InlineData("Payments:Stripe:SecretKey", "Payments:Stripe", false)]
    [InlineData("ConnectionStrings:*", "ConnectionStrings:Default", true)]
    [InlineData("ConnectionStrings:*", "ConnectionStrings:Shards:0", true)]
    [InlineData("ConnectionStrings:*", "ConnectionStrings", false)]
    [InlineData("ConnectionStrings:*", "MyConnectionStrings:Default", false)]
    [InlineData("*:ApiKey", "Stripe:ApiKey", true)]
    [InlineData("*:ApiKey", "Vendors:Mail:ApiKey", true)]
    [InlineData("*:ApiKey", "ApiKey", false)]
    [InlineData("*:ApiKey", "Stripe:ApiKeyId", false)]
    [InlineData("Services:*:Password", "Services:Mail:Password", true)]
    [InlineData("Services:*:Password", "Services:Password", false)]
    [InlineData("Payments", "Payments:Stripe:SecretKey", true)]
    public void Matches_whole_segments_case_insensitively(string pattern, string key, bool covered)
    {
        Assert.Equal(covered, ProtectedKeyPattern.Parse(pattern)!.Covers(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Connection*")]
    [InlineData("ConnectionStrings::Default")]
    [InlineData(":ApiKey")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_key_pattern(string? pattern)
    {
        Assert.Null(ProtectedKeyPattern.Parse(pattern));
    }
}
