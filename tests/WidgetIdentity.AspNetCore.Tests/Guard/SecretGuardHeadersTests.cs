using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// Header values shorter than any occurrence of a secret are passed over without a scan; a value that is exactly
/// as long as the shortest occurrence is still scanned and masked.
/// </summary>
public class SecretGuardHeadersTests
{
    [Theory]
    [InlineData("TEST-ONLY-abcdefgh")] // raw is always the shortest form: escapes, base64 and hex are longer
    [InlineData("sk_test_0123456789abcdef0123")]
    public void A_value_exactly_as_long_as_the_shortest_occurrence_is_masked(string secret)
    {
        var patterns = new SecretPatternSet([secret]);
        var context = new DefaultHttpContext();
        context.Response.Headers["X-Debug"] = secret;
        context.Response.Headers["X-Short"] = secret[..^1];

        Assert.True(SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Redact, NullLogger.Instance));

        Assert.Equal(new string('*', secret.Length), context.Response.Headers["X-Debug"].ToString());
        Assert.Equal(secret[..^1], context.Response.Headers["X-Short"].ToString());
    }

    [Fact]
    public void A_non_ascii_value_with_fewer_characters_than_bytes_is_scanned_by_its_bytes()
    {
        const string Secret = "TEST-ONLY-ééééé"; // 15 characters, 20 bytes
        var patterns = new SecretPatternSet([Secret]);
        var context = new DefaultHttpContext();
        context.Response.Headers["X-Debug"] = Secret;

        Assert.False(SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Block, NullLogger.Instance));
    }
}
