using Microsoft.Extensions.Hosting;

namespace WidgetIdentity.Guard;

/// <summary>
/// Builds the guard's patterns when the app starts, so that what <c>Guard:Protect</c> cannot guard is a warning at
/// start-up rather than on the first request.
/// </summary>
internal sealed class SecretGuardStartupCheck(SecretGuardPatterns patterns) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = patterns.Current(out _);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
