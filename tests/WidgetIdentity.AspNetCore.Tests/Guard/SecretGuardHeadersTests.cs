using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using WidgetIdentity.Guard;
using WidgetIdentity.Guard.Scanning;
using WidgetIdentity.Tests.Support;

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

    [Fact]
    public void Every_value_of_a_header_and_every_header_holding_a_secret_is_masked()
    {
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var context = new DefaultHttpContext();
        context.Response.Headers.SetCookie = new(["a=" + TestSecrets.Plain, "b=clean", "c=" + TestSecrets.Plain]);
        context.Response.Headers["X-First"] = TestSecrets.Plain;
        context.Response.Headers["X-Second"] = "key " + TestSecrets.Plain;
        var mask = new string('*', TestSecrets.Plain.Length);

        Assert.True(SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Redact, NullLogger.Instance));

        Assert.Equal(new string?[] { "a=" + mask, "b=clean", "c=" + mask }, context.Response.Headers.SetCookie.ToArray());
        Assert.Equal(mask, context.Response.Headers["X-First"].ToString());
        Assert.Equal("key " + mask, context.Response.Headers["X-Second"].ToString());
    }

    [Fact]
    public void The_log_entry_names_the_header_and_the_form_the_secret_was_in_never_the_secret()
    {
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var context = new DefaultHttpContext();
        context.Response.Headers["X-Debug"] = "key=" + TestSecrets.Plain;
        var logs = new ListLoggerProvider();

        SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Redact, logs.CreateLogger("guard"));

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(102, entry.EventId.Id);
        Assert.Contains("X-Debug", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Raw", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecrets.Plain, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_header_value_without_a_secret_is_left_alone_and_not_logged()
    {
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var context = new DefaultHttpContext();
        var value = "max-age=31536000; includeSubDomains; preload; report-uri=https://reports.example.com/hsts";
        context.Response.Headers["X-Policy"] = value;
        var logs = new ListLoggerProvider();

        Assert.True(SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Block, logs.CreateLogger("guard")));

        Assert.Equal(value, context.Response.Headers["X-Policy"].ToString());
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void A_secret_twice_in_one_value_is_masked_twice_and_logged_once_in_its_form()
    {
        var patterns = new SecretPatternSet([TestSecrets.Plain]);
        var context = new DefaultHttpContext();
        context.Response.Headers["X-Debug"] = TestSecrets.Plain + " and " + TestSecrets.Plain;
        var logs = new ListLoggerProvider();
        var mask = new string('*', TestSecrets.Plain.Length);

        Assert.True(SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Redact, logs.CreateLogger("guard")));

        Assert.Equal(mask + " and " + mask, context.Response.Headers["X-Debug"].ToString());
        var entry = Assert.Single(logs.Entries);
        Assert.Contains("(Raw)", entry.Message, StringComparison.Ordinal);
    }

    // A header value ends where it ends: a secret at its end is whole even when a longer secret begins with it, and
    // so is one followed by the first characters of that longer secret.
    [Theory]
    [InlineData("key={0}")]
    [InlineData("{0} then {0}-and-long")]
    public void A_secret_that_ends_the_value_is_masked_even_when_a_longer_secret_begins_with_it(string format)
    {
        const string Secret = "TEST-ONLY-abcdefgh";
        var patterns = new SecretPatternSet([Secret, Secret + "-and-longer"]);
        var context = new DefaultHttpContext();
        context.Response.Headers["X-Debug"] = string.Format(CultureInfo.InvariantCulture, format, Secret);

        Assert.True(SecretGuardHeaders.Scan(context, patterns, SecretGuardMode.Redact, NullLogger.Instance));

        Assert.Equal(string.Format(CultureInfo.InvariantCulture, format, new string('*', Secret.Length)), context.Response.Headers["X-Debug"].ToString());
    }
}
