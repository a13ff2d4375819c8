using System.Text;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// Collects, for a whole batch of hostile strings, every field that did not arrive as expected, described in
/// readable ASCII (other code units as <c>\uXXXX</c>), so that one failing test names every string that broke.
/// </summary>
public sealed class HostileDifferences
{
    private readonly List<string> _differences = [];

    /// <summary>Compares the fields in order.</summary>
    public void Compare(int index, string where, IEnumerable<(string Name, string Value)> actual, (string Name, string Value)[] expected)
    {
        var received = actual.ToList();
        if (!received.SequenceEqual(expected))
        {
            _differences.Add($"string #{index} in {where}: expected {Describe(expected)}, got {Describe(received)}");
        }
    }

    /// <summary>Compares the fields whatever their order.</summary>
    public void CompareUnordered(int index, string where, IEnumerable<(string Name, string Value)> actual, (string Name, string Value)[] expected) =>
        Compare(index, where, actual.OrderBy(field => field.Name, StringComparer.Ordinal), [.. expected.OrderBy(field => field.Name, StringComparer.Ordinal)]);

    public void AssertNone() => Assert.True(_differences.Count == 0, string.Join("\n", _differences));

    public static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value[..Math.Min(value.Length, 200)])
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return value.Length > 200 ? text.Append($"…({value.Length} code units)").ToString() : text.ToString();
    }

    private static string Describe(IEnumerable<(string Name, string Value)> fields) =>
        "{" + string.Join(", ", fields.Select(field => $"{Escape(field.Name)}: \"{Escape(field.Value)}\"")) + "}";
}
