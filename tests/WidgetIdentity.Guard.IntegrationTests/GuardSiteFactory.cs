using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WidgetIdentity.TestHosts;

namespace WidgetIdentity.Guard.IntegrationTests;

/// <summary>The guard test site in TestHost, with its log entries captured.</summary>
public sealed class GuardSiteFactory : WebApplicationFactory<Program>
{
    /// <summary>The test-only secrets of the site's appsettings.json.</summary>
    public const string RootSecret = "TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb";
    public const string SupportSecret = "TEST-ONLY+/&<>\"'%\\=é€😀-42";

    private readonly Dictionary<string, string?> _settings;
    private IConfigurationSource? _source;

    public GuardSiteFactory() => _settings = [];

    /// <summary>A site with configuration settings changed, and a configuration source (one a test reloads) added after its own.</summary>
    public static GuardSiteFactory With(Dictionary<string, string?> settings, IConfigurationSource? source = null, LogLevel minimumLevel = LogLevel.Warning)
    {
        var factory = new GuardSiteFactory { _source = source, MinimumLevel = minimumLevel };
        foreach (var setting in settings)
        {
            factory._settings.Add(setting.Key, setting.Value);
        }

        return factory;
    }

    public ConcurrentQueue<(EventId Id, LogLevel Level, string Message)> Logs { get; } = new();

    /// <summary>The least severe entry <see cref="Logs"/> captures (Warning unless a test needs the guard's Debug entries).</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Warning;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration =>
        {
            configuration.RemoveMachineSources();
            if (_source is { } source)
            {
                configuration.Add(source);
            }
        });

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(new CapturingProvider(Logs, MinimumLevel));
            if (MinimumLevel < LogLevel.Warning)
            {
                logging.AddFilter<CapturingProvider>("WidgetIdentity", MinimumLevel); // the site's appsettings.json says Warning
            }
        });
    }

    private sealed class CapturingProvider(ConcurrentQueue<(EventId, LogLevel, string)> logs, LogLevel minimumLevel) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Enqueue((eventId, logLevel, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
