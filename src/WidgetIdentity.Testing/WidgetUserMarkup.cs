using System.Text;
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
                var fields = ReadObject<string>(body, global.Length, out _);
                users.Add(Create($"window.{global.Groups["name"].Value}", fields, fields.GetValueOrDefault("user_id"), "user_hash"));
            }
            else if (ReadyEvent().Match(body) is { Success: true } ready && ReadSetUser(body, ready.Groups["event"].Value) is { } user)
            {
                users.Add(user);
            }
        }

        return users;
    }

    /// <summary>The first block of widget user data in <paramref name="html"/>, or <see langword="null"/> when the page identifies nobody.</summary>
    public static RenderedWidgetUser? Find(string html) => FindAll(html).FirstOrDefault();

    /// <summary>
    /// Whether <paramref name="html"/> tells a widget to forget the previous visitor (as the page after a sign-out does),
    /// with or without identifying a new one.
    /// </summary>
    public static bool ResetsWidget(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return ScriptElement().Matches(html).Any(script => ResetsBeforeAnyUser(script.Groups["body"].Value));
    }

    // Only the text before the first setUser call is script this package wrote; after it come the user's values.
    private static bool ResetsBeforeAnyUser(string body) =>
        ReadyEvent().IsMatch(body) && Reset().IsMatch(SetUser().Match(body) is { Success: true } call ? body[..call.Index] : body);

    private static RenderedWidgetUser? ReadSetUser(string body, string readyEvent)
    {
        // The first call in the script is ours; every value after it is a JSON literal, so the reader never mistakes text
        // inside a value for a call.
        var call = SetUser().Match(body);
        if (!call.Success)
        {
            return null;
        }

        var id = ReadValue<string>(body, call.Index + call.Length, out var afterId);
        if (!body.AsSpan(afterId).StartsWith(", "))
        {
            throw new FormatException($"The setUser call for {readyEvent} is not followed by the user object.");
        }

        var fields = ReadObject<string>(body, afterId + 2, out var afterUser);
        var attributes = SetCustomAttributes().Match(body, afterUser) is { Success: true } custom
            ? ReadObject<JsonElement>(body, custom.Index + custom.Length, out _)
            : [];
        return Create(readyEvent, fields, id, "identifier_hash") with
        {
            CustomAttributes = attributes,
            ResetsPreviousVisitor = ResetsBeforeAnyUser(body[..call.Index]),
        };
    }

    private static RenderedWidgetUser Create(string target, Dictionary<string, string> fields, string? id, string hashField)
    {
        var hash = fields.GetValueOrDefault(hashField)
            ?? throw new FormatException($"The widget user data for {target} has no {hashField}.");
        fields.Remove(hashField);
        fields.Remove("user_id");
        return new RenderedWidgetUser(target, id ?? throw new FormatException($"The widget user data for {target} has no user id."), hash, fields);
    }

    private static Dictionary<string, T> ReadObject<T>(string text, int start, out int end) =>
        ReadValue<Dictionary<string, T>>(text, start, out end) ?? [];

    /// <summary>Reads one JSON value starting at <paramref name="start"/>; <paramref name="end"/> is the index just after it.</summary>
    private static T? ReadValue<T>(string text, int start, out int end)
    {
        var bytes = Encoding.UTF8.GetBytes(text[start..]);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var value = JsonSerializer.Deserialize<T>(ref reader);
        end = start + Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
        return value;
    }

    [GeneratedRegex("<script\\b[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("^window\\.(?<name>[A-Za-z_$][\\w$]*) = ", RegexOptions.Singleline)]
    private static partial Regex GlobalObject();

    [GeneratedRegex("^window\\.addEventListener\\(\"(?<event>[^\"]+)\", function \\(\\) \\{", RegexOptions.Singleline)]
    private static partial Regex ReadyEvent();

    [GeneratedRegex("window\\.\\$\\w+\\.setUser\\(")]
    private static partial Regex SetUser();

    [GeneratedRegex("window\\.\\$\\w+\\.setCustomAttributes\\(")]
    private static partial Regex SetCustomAttributes();

    [GeneratedRegex("window\\.\\$\\w+\\.reset\\(\\);")]
    private static partial Regex Reset();
}
