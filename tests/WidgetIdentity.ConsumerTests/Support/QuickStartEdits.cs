namespace WidgetIdentity.ConsumerTests.Support;

/// <summary>
/// Puts a README file step into a template app the way a reader would:
/// <list type="bullet">
/// <item><c>Program.cs</c>: <c>using</c> lines at the top of the file; the lines above <c>var app = builder.Build();</c>
/// just above the template's, the lines below it just below (a block without that line goes above it).</item>
/// <item><c>_ViewImports.cshtml</c>, <c>_Imports.razor</c>: added at the end.</item>
/// <item>Any other existing file: above the first line that holds the word after "before" in the step's comment
/// (<c>_Layout.cshtml, before &lt;/body&gt;</c>, <c>App.razor, in &lt;body&gt; before blazor.web.js</c>).</item>
/// <item>A <c>.cs</c> file the app does not have: created, in the project folder.</item>
/// </list>
/// A Razor Pages or MVC file the app does not have is skipped in a Blazor app, and a <c>.razor</c> one in a Razor Pages or
/// MVC app (the README gives both); any other missing file is an error.
/// </summary>
internal static class QuickStartEdits
{
    private const string BuildLine = "var app = builder.Build();";

    public static string Apply(string app, FileStep step)
    {
        var name = step.File.Replace('/', Path.DirectorySeparatorChar);
        var matches = Directory.EnumerateFiles(app, Path.GetFileName(name), SearchOption.AllDirectories)
            .Where(path => path.EndsWith(Path.DirectorySeparatorChar + name, StringComparison.Ordinal) && !IsBuildOutput(app, path))
            .ToList();

        if (matches.Count == 0)
        {
            if (step.File.EndsWith(".cs", StringComparison.Ordinal))
            {
                File.WriteAllLines(Path.Combine(app, name), step.Lines);
                return $"# created {step.File} from the README";
            }

            var isBlazor = Directory.Exists(Path.Combine(app, "Components"));
            if ((step.File.EndsWith(".cshtml", StringComparison.Ordinal) && isBlazor)
                || (step.File.EndsWith(".razor", StringComparison.Ordinal) && !isBlazor))
            {
                return $"# skipped {step.File}: not a file of this kind of app";
            }

            throw new InvalidOperationException($"The README's quick start edits {step.File}, which the template app does not have.");
        }

        if (matches.Count > 1)
        {
            throw new InvalidOperationException($"The README's quick start edits {step.File}, and the template app has {matches.Count}: {string.Join(", ", matches)}");
        }

        var path = matches[0];
        var lines = File.ReadAllLines(path).ToList();
        var where = Path.GetFileName(path) switch
        {
            "Program.cs" => IntoProgram(lines, step.Lines),
            "_ViewImports.cshtml" or "_Imports.razor" => AtTheEnd(lines, step.Lines),
            _ => Before(lines, step),
        };
        File.WriteAllLines(path, lines);
        return $"# {Path.GetRelativePath(app, path)}: {where}:\n{string.Join('\n', step.Lines)}";
    }

    private static string IntoProgram(List<string> program, IReadOnlyList<string> step)
    {
        var usings = step.Where(line => line.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var code = step.Where(line => !line.StartsWith("using ", StringComparison.Ordinal)).SkipWhile(string.IsNullOrWhiteSpace).ToList();
        var split = code.FindIndex(line => line.Trim() == BuildLine);
        var above = split < 0 ? code : code[..split];
        var below = split < 0 ? [] : code[(split + 1)..];

        var anchor = program.FindIndex(line => line.Trim() == BuildLine);
        if (anchor < 0)
        {
            throw new InvalidOperationException($"The template's Program.cs has no line `{BuildLine}`.");
        }

        program.InsertRange(anchor + 1, below);
        program.InsertRange(anchor, [.. above.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse(), ""]);
        program.InsertRange(0, usings.Select(line => line.Split("//")[0].TrimEnd()));
        return $"around `{BuildLine}`";
    }

    private static string AtTheEnd(List<string> lines, IReadOnlyList<string> step)
    {
        lines.AddRange(step);
        return "at the end";
    }

    private static string Before(List<string> lines, FileStep step)
    {
        var before = step.Where.Split("before ", 2, StringSplitOptions.None);
        if (before.Length < 2 || before[1].Split(' ')[0] is not { Length: > 0 } anchor)
        {
            throw new InvalidOperationException($"The README's quick start does not say where in {step.File} its lines go (\"before ...\").");
        }

        var index = lines.FindIndex(line => line.Contains(anchor, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"The README puts its lines in {step.File} before `{anchor}`, which the template's file does not have.");
        }

        lines.InsertRange(index, step.Lines);
        return $"before `{anchor}`";
    }

    private static bool IsBuildOutput(string app, string path) =>
        Path.GetRelativePath(app, path).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";
}
