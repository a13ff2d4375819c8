using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WidgetIdentity.Guard;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Guard;

/// <summary>
/// Misuse of the guard's pieces is a clear error naming the argument, at the call that made it, not a
/// NullReferenceException later in the middle of a response.
/// </summary>
public class SecretGuardArgumentTests
{
    [Fact]
    public void Advancing_the_guarded_writer_by_a_negative_count_names_the_count()
    {
        using var harness = new GuardHarness();
        var writer = harness.Feature.Writer;
        writer.GetSpan(16);

        Assert.Throws<ArgumentOutOfRangeException>("bytes", () => writer.Advance(-1));
    }

    [Fact]
    public void Advancing_the_guarded_writer_past_the_memory_it_handed_out_names_the_count()
    {
        using var harness = new GuardHarness();
        var writer = harness.Feature.Writer;
        var handedOut = writer.GetMemory(16).Length;

        var failure = Assert.Throws<ArgumentOutOfRangeException>("bytes", () => writer.Advance(handedOut + 1));
        Assert.Contains("past the memory", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guarded_body_names_each_missing_argument()
    {
        var context = new DefaultHttpContext();
        var inner = new StreamResponseBodyFeature(new MemoryStream());
        var patterns = GuardHarness.Patterns;
        var logger = NullLogger.Instance;

        Assert.Throws<ArgumentNullException>("context", () => new SecretGuardBody(null!, inner, patterns, SecretGuardMode.Redact, logger));
        Assert.Throws<ArgumentNullException>("inner", () => new SecretGuardBody(context, null!, patterns, SecretGuardMode.Redact, logger));
        Assert.Throws<ArgumentNullException>("patterns", () => new SecretGuardBody(context, inner, null!, SecretGuardMode.Redact, logger));
        Assert.Throws<ArgumentNullException>("logger", () => new SecretGuardBody(context, inner, patterns, SecretGuardMode.Redact, null!));
    }

    [Fact]
    public void The_middleware_names_each_missing_argument()
    {
        using var services = TestOptions.BuildServices(new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret });
        var patterns = services.GetRequiredService<SecretGuardPatterns>();
        var clean = new CleanStaticAssets();
        RequestDelegate next = _ => Task.CompletedTask;
        var logger = NullLogger<SecretGuardMiddleware>.Instance;

        Assert.Throws<ArgumentNullException>("next", () => new SecretGuardMiddleware(null!, patterns, clean, logger, isDefault: true));
        Assert.Throws<ArgumentNullException>("patterns", () => new SecretGuardMiddleware(next, null!, clean, logger, isDefault: true));
        Assert.Throws<ArgumentNullException>("cleanAssets", () => new SecretGuardMiddleware(next, patterns, null!, logger, isDefault: true));
        Assert.Throws<ArgumentNullException>("logger", () => new SecretGuardMiddleware(next, patterns, clean, null!, isDefault: true));
        var middleware = new SecretGuardMiddleware(next, patterns, clean, logger, isDefault: true);
        Assert.Throws<ArgumentNullException>("context", () => { _ = middleware.InvokeAsync(null!); }); // at the call, not in the returned task
        Assert.Throws<ArgumentNullException>("options", () => new SecretGuardPatterns(null!));
    }

    [Fact]
    public void The_compression_hand_over_names_each_missing_argument()
    {
        using var harness = new GuardHarness();

        Assert.Throws<ArgumentNullException>("compressor", () => new SecretGuardCompressionStream(null!, harness.Body));
        Assert.Throws<ArgumentNullException>("guard", () => new SecretGuardCompressionStream(new MemoryStream(), null!));
    }

    [Fact]
    public void The_protect_rules_name_each_missing_argument()
    {
        Assert.Throws<ArgumentNullException>("value", () => ProtectedValueRule.Check(null!));
        Assert.Throws<ArgumentNullException>("value", () => ConnectionStringPasswords.Find(null!).ToList());
        Assert.Throws<ArgumentNullException>("patterns", () => ProtectedSecrets.Collect(null!, null));
        Assert.Throws<ArgumentNullException>("key", () => ProtectedKeyPattern.Parse("ConnectionStrings:*")!.Covers(null!));
    }
}
