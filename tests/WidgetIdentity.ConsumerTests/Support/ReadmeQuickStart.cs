using System.Text.RegularExpressions;

namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>One step of the README, in the order it stands there: a command to run, or lines to put in a file.</summary>
internal abstract record QuickStartStep;

/// <summary>A <c>sh</c> line, as its words (quotes removed).</summary>
internal sealed record CommandStep(string Line, IReadOnlyList<string> Words) : QuickStartStep;

/// <summary>
/// The lines under one file comment of a code block (<c>// Program.cs</c>, <c>@* _Layout.cshtml, before &lt;/body&gt; *@</c>):
/// <see cref="File"/> is the file's path as the comment gives it, <see cref="Where"/> the rest of the comment.
/// </summary>
internal sealed record FileStep(string File, string Where, IReadOnlyList<string> Lines) : QuickStartStep;

/// <summary>
/// Reads the steps a newcomer follows out of README.md: every code block of "## Install" (all of them are steps), and
/// the code blocks of "## Testing your site" that name a file in their first line (the test user). The consumer tests
/// apply exactly these, so a README change that breaks the sequence fails them.
/// </summary>
internal static partial class ReadmeQuickStart
{
    public const string InstallSection = "## Install";
    public const string TestingSection = "## Testing your site";

    public static IReadOnlyList<QuickStartStep> Install(string readme) => Steps(Section(readme, InstallSection), everyBlock: true);

    public static IReadOnlyList<QuickStartStep> TestUser(string readme) => Steps(Section(readme, TestingSection), everyBlock: false);

    /// <summary>
    /// The commands of "## Testing your site" (the test package for the test project) and its test against the running
    /// app: the code block that sends the test user's header.
    /// </summary>
    public static (IReadOnlyList<CommandStep> Commands, IReadOnlyList<string> Test) SiteTest(string readme)
    {
        var section = Section(readme, TestingSection);
        var blocks = CodeBlock().Matches(section);
        var commands = blocks.Where(block => block.Groups["language"].Value == "sh")
            .SelectMany(block => block.Groups["body"].Value.Split('\n'))
            .Where(line => line.Trim().Length > 0)
            .Select(Command)
            .ToList();
        var test = blocks.SingleOrDefault(block => block.Groups["language"].Value == "csharp"
                && block.Groups["body"].Value.Contains("X-Test-User", StringComparison.Ordinal)
                && block.Groups["body"].Value.Contains("WidgetUserMarkup", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("README.md's \"Testing your site\" has no test against the running app (a ```csharp block that sends X-Test-User).");
        return (commands, test.Groups["body"].Value.Split('\n'));
    }

    private static string Section(string readme, string heading)
    {
        var start = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no \"{heading}\" section.");
        }

        start += heading.Length + 2;
        var end = readme.IndexOf("\n## ", start, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    private static List<QuickStartStep> Steps(string section, bool everyBlock)
    {
        var steps = new List<QuickStartStep>();
        foreach (Match block in CodeBlock().Matches(section))
        {
            var language = block.Groups["language"].Value;
            var lines = block.Groups["body"].Value.Replace("\r", "", StringComparison.Ordinal).Split('\n');
            if (language == "sh")
            {
                if (everyBlock)
                {
                    steps.AddRange(lines.Where(line => line.Trim().Length > 0).Select(Command));
                }

                continue;
            }

            if (FileComment().Match(lines[0]) is not { Success: true })
            {
                if (everyBlock)
                {
                    throw new InvalidOperationException($"A ```{language} block of the README's quick start does not begin with the file it goes in:\n{block.Value}");
                }

                continue;
            }

            steps.AddRange(FileSteps(lines));
        }

        return steps;
    }

    /// <summary>Splits a block at each line that is only a file comment; blank lines around each part are dropped.</summary>
    private static IEnumerable<FileStep> FileSteps(string[] lines)
    {
        FileStep? current = null;
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (FileComment().Match(line) is { Success: true } comment)
            {
                if (current is not null)
                {
                    yield return current with { Lines = Trim(body) };
                }

                current = new FileStep(comment.Groups["file"].Value, comment.Groups["where"].Value.Trim(' ', ',', ':'), []);
                body = [];
            }
            else
            {
                body.Add(line);
            }
        }

        if (current is not null)
        {
            yield return current with { Lines = Trim(body) };
        }
    }

    private static string[] Trim(List<string> lines) =>
        [.. lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse()];

    private static CommandStep Command(string line)
    {
        var words = new List<string>();
        foreach (Match word in Word().Matches(line))
        {
            if (word.Value.StartsWith('#'))
            {
                break; // a comment to the end of the line
            }

            words.Add(word.Groups["quoted"].Success ? word.Groups["quoted"].Value : word.Value);
        }

        return new CommandStep(line.Trim(), words);
    }

    [GeneratedRegex(@"^```(?<language>\w+)\n(?<body>.*?)\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    /// <summary><c>// Program.cs</c>, <c>@* Components/App.razor, in &lt;body&gt; ... *@</c>: a file name with an extension first.</summary>
    [GeneratedRegex(@"^(?://|@\*)\s*(?<file>[\w/]+\.\w+)(?<where>.*?)(?:\*@)?\s*$")]
    private static partial Regex FileComment();

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|\\S+")]
    private static partial Regex Word();
}
