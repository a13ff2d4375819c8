using System.Text.RegularExpressions;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Packaging;

/// <summary>
/// Each package carries the README.md of its own project folder (Directory.Build.props). A package gallery shows it away
/// from the repository, where a relative link or image resolves to nothing: every link in it must be absolute.
/// </summary>
public sealed partial class PackageReadmeTests
{
    public static TheoryData<string> Packages => new(
        RepositoryFiles.Root.GetDirectories("src")[0].GetDirectories()
            .Where(project => project.GetFiles("*.csproj").Length > 0)
            .Select(project => project.Name));

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_package_README_links_and_images_are_absolute(string package)
    {
        var readme = RepositoryFiles.Read("src", package, "README.md");

        var relative = Links(readme).Where(link => !IsAbsolute(link)).ToList();

        Assert.NotEmpty(Links(readme));
        Assert.True(relative.Count == 0, $"src/{package}/README.md has relative links: {string.Join(", ", relative)}");
    }

    [Fact]
    public void The_link_check_finds_the_repository_READMEs_relative_images_folders_and_anchors()
    {
        var relative = Links(RepositoryFiles.Read("README.md")).Where(link => !IsAbsolute(link)).ToList();

        Assert.Contains("docs/images/preview-logged-in.png", relative);
        Assert.Contains("docs/secret-guard.md", relative);
        Assert.Contains(relative, link => link.StartsWith('#'));
    }

    private static bool IsAbsolute(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto";

    /// <summary>Markdown links and images (inline and reference definitions) and HTML src/href, outside code.</summary>
    private static IEnumerable<string> Links(string markdown)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(markdown, ""), "");
        return MarkdownLink().Matches(prose).Concat(ReferenceDefinition().Matches(prose)).Concat(HtmlLink().Matches(prose))
            .Select(match => match.Groups["url"].Value);
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(\s*<?(?<url>[^)\s>]+)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*<?(?<url>[^\s>]+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"\b(?:src|href)\s*=\s*[""'](?<url>[^""']+)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLink();
}
