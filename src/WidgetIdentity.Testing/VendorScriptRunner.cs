using System.Text.Json;
using Jint;
using Jint.Runtime;

namespace WidgetIdentity.Testing;

/// <summary>
/// Runs one inline script in a JavaScript engine next to stand-ins for the vendors' scripts, then lets the vendors
/// "load" (read their globals, dispatch their ready events), and returns what they received. Reading the data this way,
/// and not by matching the markup's formatting, keeps a site's tests working whatever the script's layout.
/// </summary>
internal static class VendorScriptRunner
{
    private const string StandInsResource = "WidgetIdentity.Testing.vendor-stand-ins.js";

    /// <summary>The globals vendors read when their script loads, with the fields that carry the id and the hash.</summary>
    private static readonly (string Global, string IdField, string HashField)[] GlobalObjects =
    [
        ("ainisaUser", "user_id", "user_hash"),
    ];

    private static readonly Lazy<string> StandIns = new(LoadStandIns);
    private static readonly string GlobalNames = JsonSerializer.Serialize(GlobalObjects.Select(global => global.Global));

    /// <summary>What the vendors received from <paramref name="script"/>; nothing when the script is not one a vendor reads (it failed to run).</summary>
    public static ScriptOutcome Run(string script)
    {
        var engine = new Engine(options => options.TimeoutInterval(TimeSpan.FromSeconds(5)).LimitRecursion(256).MaxStatements(1_000_000));
        string recorded;
        try
        {
            engine.Execute(StandIns.Value);
            engine.Execute(script);
            recorded = engine.Evaluate($"__vendorsLoad({GlobalNames})").AsString();
        }
        catch (Exception error) when (error is JavaScriptException or JintException or Acornima.ParseErrorException)
        {
            return ScriptOutcome.None; // a site's own script that needs a browser (document, fetch, ...): no widget data
        }

        using var document = JsonDocument.Parse(recorded);
        return Read(document.RootElement);
    }

    private static ScriptOutcome Read(JsonElement recorded)
    {
        var users = new List<RenderedWidgetUser>();
        var globals = recorded.GetProperty("globals");
        foreach (var (global, idField, hashField) in GlobalObjects)
        {
            if (globals.TryGetProperty(global, out var data) && data.ValueKind == JsonValueKind.Object)
            {
                var fields = StringFields(data);
                users.Add(Create($"window.{global}", fields.GetValueOrDefault(idField), fields, hashField, idField));
            }
        }

        var calls = recorded.GetProperty("calls").EnumerateArray().ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            var (target, method, args) = Call(calls[i]);
            if (method != "setUser")
            {
                continue;
            }

            var id = args.Length > 0 ? IdText(args[0]) : null;
            var user = Create(target, id, args.Length > 1 ? StringFields(args[1]) : [], "identifier_hash", idField: null);
            var resetBefore = calls.Take(i).Any(call => Call(call) is var (t, m, _) && t == target && m == "reset");
            var attributes = calls.Skip(i + 1).Select(Call).FirstOrDefault(call => call.Target == target && call.Method == "setCustomAttributes");
            users.Add(user with
            {
                ResetsPreviousVisitor = resetBefore,
                CustomAttributes = attributes.Args is [var first, ..] && first.ValueKind == JsonValueKind.Object
                    ? first.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone())
                    : new Dictionary<string, JsonElement>(),
            });
        }

        var resets = calls.Any(call => Call(call).Method == "reset");
        return new ScriptOutcome(users, resets);
    }

    private static (string Target, string Method, JsonElement[] Args) Call(JsonElement call) =>
        (call.GetProperty("target").GetString()!, call.GetProperty("method").GetString()!, [.. call.GetProperty("args").EnumerateArray().Select(arg => arg.Clone())]);

    private static string? IdText(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => id.GetString(),
        JsonValueKind.Number => id.GetRawText(),
        _ => null,
    };

    private static Dictionary<string, string> StringFields(JsonElement data) =>
        data.ValueKind != JsonValueKind.Object
            ? []
            : data.EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(property => property.Name, property => property.Value.GetString()!);

    private static RenderedWidgetUser Create(string target, string? id, Dictionary<string, string> fields, string hashField, string? idField)
    {
        var hash = fields.GetValueOrDefault(hashField)
            ?? throw new FormatException($"The widget user data for {target} has no {hashField}.");
        fields.Remove(hashField);
        if (idField is not null)
        {
            fields.Remove(idField);
        }

        return new RenderedWidgetUser(target, id ?? throw new FormatException($"The widget user data for {target} has no user id."), hash, fields);
    }

    private static string LoadStandIns()
    {
        using var stream = typeof(VendorScriptRunner).Assembly.GetManifestResourceStream(StandInsResource)
            ?? throw new InvalidOperationException($"The embedded resource {StandInsResource} is missing from WidgetIdentity.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>What the vendors received from one script: the users identified, and whether a widget was told to forget the visitor.</summary>
internal sealed record ScriptOutcome(IReadOnlyList<RenderedWidgetUser> Users, bool Resets)
{
    public static readonly ScriptOutcome None = new([], false);
}
