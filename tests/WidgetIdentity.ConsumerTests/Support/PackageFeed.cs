using System.Text;
using System.Text.RegularExpressions;

namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>
/// Both packages packed from this repository's src/ into a folder feed under a temporary directory outside the
/// repository (so nothing of the repository's Directory.Build.props, Directory.Packages.props, global.json or
/// nuget.config reaches the apps), with a nuget.config there that adds the feed to the machine's sources and maps the
/// WidgetIdentity packages to it alone, and a NuGet cache of this run's own (a stale copy of the same version in the
/// user's cache cannot stand in for the one just packed).
/// </summary>
internal sealed partial class PackageFeed
{
    public static readonly string[] Packages = ["WidgetIdentity.AspNetCore", "WidgetIdentity.Testing"];

    private PackageFeed(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>The temporary directory: the feed, the NuGet cache and the apps are under it.</summary>
    public string Root { get; }

    public string Folder => Path.Combine(Root, "feed");

    public string NuGetPackages => Path.Combine(Root, "nuget-packages");

    /// <summary>The version the repository gives both packages (read from the project, never written here).</summary>
    public string Version { get; }

    public static async Task<PackageFeed> Pack(string repository)
    {
        var root = Path.Combine(Path.GetTempPath(), "widgetidentity-consumer-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var log = new StringBuilder();
        var dotnet = new Dotnet(Path.Combine(root, "nuget-packages"), Path.Combine(root, "appdata"), log);

        var version = (await dotnet.Run(repository, "msbuild", Project(Packages[0]), "-getProperty:Version"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        var feed = new PackageFeed(root, version);
        foreach (var package in Packages)
        {
            await dotnet.Run(repository, "pack", Project(package), "-c", "Release", "-o", feed.Folder);
            if (!File.Exists(Path.Combine(feed.Folder, $"{package}.{version}.nupkg")))
            {
                var written = string.Join(", ", Directory.EnumerateFiles(feed.Folder).Select(Path.GetFileName));
                throw new InvalidOperationException($"dotnet pack did not write {package}.{version}.nupkg (the project's Version); the feed has {written}.\n{log}");
            }
        }

        var sources = SourceName().Matches(await dotnet.Run(root, "nuget", "list", "source"))
            .Select(match => match.Groups["name"].Value)
            .ToList();
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- The machine's sources stay (the templates' and the package's dependencies come from them); WidgetIdentity.* only from the feed. -->
            <configuration>
              <packageSources>
                <add key="widgetidentity-feed" value="{feed.Folder}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="widgetidentity-feed">
            {string.Concat(Packages.Select(package => $"      <package pattern=\"{package}\" />\n"))}    </packageSource>
            {string.Concat(sources.Select(source => $"    <packageSource key=\"{source}\">\n      <package pattern=\"*\" />\n    </packageSource>\n"))}  </packageSourceMapping>
            </configuration>
            """);
        return feed;
    }

    private static string Project(string package) => Path.Combine("src", package, package + ".csproj");

    /// <summary>`dotnet nuget list source`: "  1.  nuget.org [Enabled]".</summary>
    [GeneratedRegex(@"^\s*\d+\.\s+(?<name>.+?)\s+\[Enabled\]\s*$", RegexOptions.Multiline)]
    private static partial Regex SourceName();
}
