using Microsoft.Extensions.Configuration;

namespace WidgetIdentity.Guard;

/// <summary>A protected key whose value (or its connection-string password) is not guarded, and why.</summary>
internal readonly record struct UnguardedKey(string Key, bool PasswordPart, UnguardedReason Reason);

/// <summary>
/// The configuration values <c>WidgetIdentity:Guard:Protect</c> names: every non-empty value under a matching key that
/// passes <see cref="ProtectedValueRule"/>, with the password of a connection string on its own as well; and what could
/// not be guarded (by key, never by value) and which patterns cover nothing.
/// </summary>
internal sealed record ProtectedSecrets(IReadOnlyList<string> Values, IReadOnlyList<UnguardedKey> Unguarded, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Invalid)
{
    public static readonly ProtectedSecrets None = new([], [], [], []);

    public static ProtectedSecrets Collect(IEnumerable<string> patterns, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var parsed = new List<ProtectedKeyPattern>();
        var invalid = new List<string>();
        foreach (var text in patterns.Where(static text => !string.IsNullOrWhiteSpace(text)))
        {
            if (ProtectedKeyPattern.Parse(text) is { } pattern)
            {
                parsed.Add(pattern);
            }
            else
            {
                invalid.Add(text);
            }
        }

        if (parsed.Count == 0 && invalid.Count == 0)
        {
            return None;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        var unguarded = new List<UnguardedKey>();
        var matched = new HashSet<ProtectedKeyPattern>();
        IEnumerable<KeyValuePair<string, string?>> all = configuration?.AsEnumerable() ?? [];
        foreach (var (key, value) in all.Where(static pair => !string.IsNullOrEmpty(pair.Value)).OrderBy(static pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            var covering = parsed.Where(pattern => pattern.Covers(key)).ToArray();
            if (covering.Length == 0)
            {
                continue;
            }

            matched.UnionWith(covering);
            Add(key, value!, passwordPart: false, values, unguarded);
            foreach (var password in ConnectionStringPasswords.Find(value!))
            {
                Add(key, password, passwordPart: true, values, unguarded);
            }
        }

        var unmatched = parsed.Where(pattern => !matched.Contains(pattern)).Select(static pattern => pattern.Text).ToArray();
        return new ProtectedSecrets([.. values], unguarded, unmatched, invalid);
    }

    private static void Add(string key, string value, bool passwordPart, HashSet<string> values, List<UnguardedKey> unguarded)
    {
        if (ProtectedValueRule.Check(value) is { } reason)
        {
            unguarded.Add(new UnguardedKey(key, passwordPart, reason));
        }
        else
        {
            values.Add(value);
        }
    }
}
