namespace WidgetIdentity.Tests.Support;

/// <summary>Files of the repository this test run was built from (the folder that holds WidgetIdentity.sln).</summary>
internal static class RepositoryFiles
{
    public static DirectoryInfo Root { get; } = FindRoot();

    public static string Read(params string[] relativePath) =>
        File.ReadAllText(Path.Combine([Root.FullName, .. relativePath])).ReplaceLineEndings("\n");

    private static DirectoryInfo FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "WidgetIdentity.sln")))
        {
            root = root.Parent;
        }

        return root ?? throw new InvalidOperationException($"No WidgetIdentity.sln above {AppContext.BaseDirectory}.");
    }
}
