using System.Diagnostics;
using System.Text;

namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>
/// Runs the dotnet CLI as a user's shell would: without the MSBuild variables the test host inherits from
/// <c>dotnet test</c>, with a NuGet cache and a user-secrets folder of this run's own (the user's are never touched).
/// </summary>
internal sealed class Dotnet(string nugetPackages, string appData, StringBuilder log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public StringBuilder Log => log;

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>; throws with the log when it fails.</summary>
    public async Task<string> Run(string directory, params IEnumerable<string> arguments)
    {
        using var process = Start(directory, arguments, new Dictionary<string, string>());
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit(); // drains the output
        lock (log)
        {
            log.AppendLine($"$ dotnet {Quote(arguments)}   # in {directory}, {started.Elapsed.TotalSeconds:0.0} s, exit {(process.HasExited ? process.ExitCode : -1)}");
            log.Append(output);
        }

        if (!process.HasExited || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet {Quote(arguments)}` failed in {directory}. Everything run so far:\n{log}");
        }

        return output.ToString();
    }

    /// <summary>Starts <c>dotnet</c> and leaves it running; the caller reads its output and kills it.</summary>
    public Process Start(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(IsInheritedFromTestHost).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["NUGET_PACKAGES"] = nugetPackages;
        info.Environment["APPDATA"] = appData; // where user-secrets keeps secrets.json (before $HOME/.microsoft/usersecrets)
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started.");
    }

    private static bool IsInheritedFromTestHost(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name is "DOTNET_HOST_PATH" or "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS"
        || IsWidgetIdentitySetting(name);

    /// <summary>A developer's own <c>WidgetIdentity__Secret</c> (or any WidgetIdentity setting) would override the app's user-secrets.</summary>
    private static bool IsWidgetIdentitySetting(string name) =>
        name.StartsWith("WidgetIdentity__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_WidgetIdentity__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_WidgetIdentity__", StringComparison.OrdinalIgnoreCase);

    private static string Quote(IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Select(argument => argument.Contains(' ', StringComparison.Ordinal) || argument.Length == 0 ? $"\"{argument}\"" : argument));
}
