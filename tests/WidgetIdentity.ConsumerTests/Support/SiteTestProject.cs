using System.Text;
using System.Text.RegularExpressions;

namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>
/// A site's own test project: <c>dotnet new xunit</c>, WidgetIdentity.Testing added as the README's "Testing your site"
/// says (from the feed), and the README's test against the running app in a test method, its address replaced by the
/// app's; built with <c>-warnaserror</c> and run with <c>dotnet test</c>.
/// </summary>
internal static partial class SiteTestProject
{
    /// <summary>The address the README's test uses, replaced by the running app's.</summary>
    public const string ReadmeAddress = "http://127.0.0.1:5000";

    /// <summary>Returns the output of <c>dotnet test</c>; throws with everything run when a step or the test fails.</summary>
    public static async Task<string> Run(TemplateApp app, PackageFeed feed, string readme, string secret)
    {
        var log = new StringBuilder();
        var dotnet = new Dotnet(feed.NuGetPackages, Path.Combine(feed.Root, "appdata"), log);
        var directory = Path.Combine(feed.Root, "SiteTests");
        var (commands, test) = ReadmeQuickStart.SiteTest(readme);

        await dotnet.Run(feed.Root, "new", "xunit", "--output", "SiteTests");
        foreach (var command in commands)
        {
            await dotnet.Run(directory, TemplateApp.ForThisRun(command, feed, secret));
        }

        var usings = test.Where(line => UsingDirective().IsMatch(line)).Select(line => line.Split("//")[0].TrimEnd());
        var body = test.Where(line => !UsingDirective().IsMatch(line)).SkipWhile(string.IsNullOrWhiteSpace)
            .Select(line => "        " + line.Replace(ReadmeAddress, app.Address.ToString().TrimEnd('/'), StringComparison.Ordinal));
        var source = $$"""
            {{string.Join('\n', usings)}}

            public class SiteTests
            {
                [Fact]
                public async Task The_READMEs_test_against_the_running_app()
                {
                    const string testSecret = "{{secret}}";
            {{string.Join('\n', body)}}
                }
            }
            """;
        File.Delete(Path.Combine(directory, "UnitTest1.cs"));
        File.WriteAllText(Path.Combine(directory, "SiteTests.cs"), source);
        log.AppendLine("# SiteTests.cs:\n" + source);

        await dotnet.Run(directory, "build", "-warnaserror");
        var output = await dotnet.Run(directory, "test", "--no-build");
        return output + "\n--- setup ---\n" + log;
    }

    /// <summary><c>using WidgetIdentity.Testing;</c>, not <c>using var client = ...;</c>.</summary>
    [GeneratedRegex(@"^using\s+[\w.]+\s*;")]
    private static partial Regex UsingDirective();
}
