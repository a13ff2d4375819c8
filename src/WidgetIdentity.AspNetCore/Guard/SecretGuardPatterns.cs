using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using WidgetIdentity.Configuration;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// The pattern set and mode for the current options and configuration: the widget secrets (current and previous) and
/// the values <c>Guard:Protect</c> names. Rebuilt when the options change or any configuration provider reloads, so
/// a rotated or added secret is guarded without a restart.
/// </summary>
internal sealed class SecretGuardPatterns : IDisposable
{
    private readonly IOptionsMonitor<WidgetIdentityOptions> _options;
    private readonly IConfiguration? _configuration;
    private readonly ILogger _logger;
    private readonly IDisposable? _reloadRegistration;
    private readonly Lock _rebuild = new();
    private volatile Snapshot? _snapshot;
    private int _configurationVersion;
    private string? _loggedReport;

    public SecretGuardPatterns(IOptionsMonitor<WidgetIdentityOptions> options, ILogger<SecretGuardPatterns>? logger = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _configuration = configuration;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (configuration is not null)
        {
            _reloadRegistration = ChangeToken.OnChange(configuration.GetReloadToken, () => Interlocked.Increment(ref _configurationVersion));
        }
    }

    /// <summary>Set by <c>UseWidgetIdentity()</c>: the guard runs where the app placed it, not outermost.</summary>
    public bool ExplicitlyPlaced { get; set; }

    /// <summary>The patterns of every configured secret, or <see langword="null"/> when none is configured.</summary>
    public SecretPatternSet? Current(out SecretGuardMode mode)
    {
        var current = _options.CurrentValue;
        var version = Volatile.Read(ref _configurationVersion);
        var snapshot = _snapshot;
        if (snapshot is null || !ReferenceEquals(snapshot.Options, current) || snapshot.ConfigurationVersion != version)
        {
            snapshot = Rebuild(current, version);
        }

        mode = current.Guard.Mode;
        return snapshot.Patterns;
    }

    public void Dispose() => _reloadRegistration?.Dispose();

    private Snapshot Rebuild(WidgetIdentityOptions options, int version)
    {
        lock (_rebuild)
        {
            if (_snapshot is { } built && ReferenceEquals(built.Options, options) && built.ConfigurationVersion == version)
            {
                return built;
            }

            var protectedSecrets = ProtectedSecrets.Collect(options.Guard.Protect, _configuration);
            LogReport(protectedSecrets);
            var secrets = WidgetSettings.AllSecrets(options).Concat(protectedSecrets.Values).Distinct(StringComparer.Ordinal).ToArray();
            var snapshot = new Snapshot(options, version, secrets.Length == 0 ? null : new SecretPatternSet(secrets));
            _snapshot = snapshot;
            return snapshot;
        }
    }

    // Once per distinct report: a reload that changes nothing the guard warns about does not repeat the warnings.
    private void LogReport(ProtectedSecrets report)
    {
        var text = string.Join('\n', report.Invalid.Select(static p => "i" + p)
            .Concat(report.Unmatched.Select(static p => "u" + p))
            .Concat(report.Unguarded.Select(static u => $"g{u.Key}|{u.PasswordPart}|{u.Reason}")));
        if (text == _loggedReport)
        {
            return;
        }

        _loggedReport = text;
        foreach (var pattern in report.Invalid)
        {
            SecretGuardLog.ProtectPatternInvalid(_logger, pattern);
        }

        foreach (var pattern in report.Unmatched)
        {
            SecretGuardLog.ProtectPatternMatchesNothing(_logger, pattern);
        }

        foreach (var key in report.Unguarded)
        {
            SecretGuardLog.ProtectedValueNotGuarded(_logger, key.Key, key.PasswordPart ? "the password in its connection string" : "its value", Describe(key.Reason));
        }
    }

    private static string Describe(UnguardedReason reason) => reason switch
    {
        UnguardedReason.TooShort => $"it is shorter than {ProtectedValueRule.MinimumLength} characters, so masking it would mask ordinary text",
        UnguardedReason.Placeholder => "it is a placeholder, not a secret",
        _ => "it is an ordinary value (a boolean, number, date, URL without credentials, host name or sentence) that pages show anyway",
    };

    private sealed record Snapshot(WidgetIdentityOptions Options, int ConfigurationVersion, SecretPatternSet? Patterns);
}
