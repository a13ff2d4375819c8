using Microsoft.Extensions.Options;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Guard;

/// <summary>The pattern set and mode for the current options, rebuilt when the configuration reloads.</summary>
internal sealed class SecretGuardPatterns(IOptionsMonitor<WidgetIdentityOptions> options)
{
    private volatile Snapshot? _snapshot;

    /// <summary>Set by <c>UseWidgetIdentity()</c>: the guard runs where the app placed it, not outermost.</summary>
    public bool ExplicitlyPlaced { get; set; }

    /// <summary>The patterns of every configured secret, or <see langword="null"/> when none is configured.</summary>
    public SecretPatternSet? Current(out SecretGuardMode mode)
    {
        var current = options.CurrentValue;
        var snapshot = _snapshot;
        if (snapshot is null || !ReferenceEquals(snapshot.Options, current))
        {
            var secrets = WidgetSettings.AllSecrets(current).ToArray();
            _snapshot = snapshot = new Snapshot(current, secrets.Length == 0 ? null : new SecretPatternSet(secrets));
        }

        mode = current.Guard.Mode;
        return snapshot.Patterns;
    }

    private sealed record Snapshot(WidgetIdentityOptions Options, SecretPatternSet? Patterns);
}
