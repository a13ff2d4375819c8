using Microsoft.Extensions.Configuration;

namespace WidgetIdentity.Tests.Support;

/// <summary>A configuration source whose values a test changes, then reloads, as a reloadable file or vault provider would.</summary>
internal sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfiguration(IDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            Data[key] = value;
        }
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces every value and raises the reload token.</summary>
    public void ReplaceAll(IDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
