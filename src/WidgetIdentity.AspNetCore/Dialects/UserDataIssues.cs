namespace WidgetIdentity.Dialects;

/// <summary>
/// What a dialect changed to keep its vendor's SDK from rejecting the user: fields left out and fallbacks used. Each
/// entry names the field and the setting that fixes it, never a value.
/// </summary>
internal sealed class UserDataIssues(string keyPrefix)
{
    private List<string>? _entries;

    /// <summary>The configuration key of the widget, e.g. <c>WidgetIdentity</c> or <c>WidgetIdentity:Widgets:support</c>.</summary>
    public string KeyPrefix { get; } = keyPrefix;

    public bool Any => _entries is { Count: > 0 };

    public void Add(string issue) => (_entries ??= []).Add(issue);

    public void FieldLeftOut(string field, string reason, string claimSetting) =>
        Add($"the {field} {reason}, so it was left out (check the claim read by {KeyPrefix}:Claims:{claimSetting})");

    public override string ToString() => _entries is null ? "" : string.Join("; ", _entries);
}
