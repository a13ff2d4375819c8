namespace WidgetIdentity;

/// <summary>Settings of the middleware that keeps configured secrets out of every response.</summary>
public sealed class SecretGuardOptions
{
    /// <summary>What happens when a response would carry a secret. Defaults to <see cref="SecretGuardMode.Redact"/>.</summary>
    public SecretGuardMode Mode { get; set; } = SecretGuardMode.Redact;
}
