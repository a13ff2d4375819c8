using System.Text.Json;
using System.Text.RegularExpressions;

namespace WidgetIdentity.Testing;

/// <summary>
/// Reads the chat-widget user data out of a rendered page, so a site's own tests can assert what the widget
/// will be told: <c>WidgetUserMarkup.Find(html)?.IsSignedWith(secret)</c>.
/// </summary>
public static partial class WidgetUserMarkup
{
    /// <summary>Every block of widget user data in <paramref name="html"/>, in page order.</summary>
    public static IReadOnlyList<RenderedWidgetUser> FindAll(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        var users = new List<RenderedWidgetUser>();
        foreach (Match script in ScriptElement().Matches(html))
        {
            var body = script.Groups["body"].Value;
            if (GlobalObject().Match(body) is { Success: true } global)
            {
                var fields = ReadObject(global.Groups["object"].Value);
                users.Add(Create($"window.{global.Groups["name"].Value}", fields, fields.GetValueOrDefault("user_id"), "user_hash"));
            }
            else if (ReadyEvent().Match(body) is { Success: true } ready)
            {
                var id = JsonSerializer.Deserialize<string>(ready.Groups["id"].Value);
                users.Add(Create(ready.Groups["event"].Value, ReadObject(ready.Groups["object"].Value), id, "identifier_hash"));
            }
        }

        return users;
    }

    /// <summary>The first block of widget user data in <paramref name="html"/>, or <see langword="null"/> when the page identifies nobody.</summary>
    public static RenderedWidgetUser? Find(string html) => FindAll(html).FirstOrDefault();

    private static RenderedWidgetUser Create(string target, Dictionary<string, string> fields, string? id, string hashField)
    {
        var hash = fields.GetValueOrDefault(hashField)
            ?? throw new FormatException($"The widget user data for {target} has no {hashField}.");
        fields.Remove(hashField);
        fields.Remove("user_id");
        return new RenderedWidgetUser(target, id ?? throw new FormatException($"The widget user data for {target} has no user id."), hash, fields);
    }

    private static Dictionary<string, string> ReadObject(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    [GeneratedRegex("<script\\b[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("^window\\.(?<name>[A-Za-z_$][\\w$]*) = (?<object>\\{.*\\});$", RegexOptions.Singleline)]
    private static partial Regex GlobalObject();

    [GeneratedRegex("^window\\.addEventListener\\(\"(?<event>[^\"]+)\", function \\(\\) \\{\\s*window\\.\\$\\w+\\.setUser\\((?<id>\"(?:[^\"\\\\]|\\\\.)*\"), (?<object>\\{.*\\})\\);\\s*\\}\\);$", RegexOptions.Singleline)]
    private static partial Regex ReadyEvent();
}
