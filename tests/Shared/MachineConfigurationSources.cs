using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace WidgetIdentity.TestHosts;

/// <summary>
/// Keeps a test host's configuration to what the test and the site's own files say, whatever the machine running the
/// tests has set: a developer's <c>WidgetIdentity__Secret</c> in the environment, or a user-secrets file for the site's
/// <c>UserSecretsId</c>, would otherwise override the settings the tests expect.
/// </summary>
internal static class MachineConfigurationSources
{
    /// <summary>
    /// Removes the environment-variable sources and the user-secrets file from <paramref name="configuration"/>. (An
    /// <c>ASPNETCORE_</c>-prefixed variable still reaches the app: WebApplicationFactory hands its host settings over as
    /// command-line arguments.)
    /// </summary>
    public static IConfigurationBuilder RemoveMachineSources(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        for (var index = configuration.Sources.Count - 1; index >= 0; index--)
        {
            if (configuration.Sources[index] is EnvironmentVariablesConfigurationSource or JsonConfigurationSource { Path: UserSecretsFileName })
            {
                configuration.Sources.RemoveAt(index);
            }
        }

        return configuration;
    }

    /// <summary>The file name <c>AddUserSecrets</c> reads in the secrets folder of a <c>UserSecretsId</c>.</summary>
    private const string UserSecretsFileName = "secrets.json";
}
