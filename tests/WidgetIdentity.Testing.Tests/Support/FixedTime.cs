namespace WidgetIdentity.Testing.Tests.Support;

/// <summary>A clock stopped at one instant, for pages rendered in the past.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
