using System.Text.Json;
using Jint;
using Jint.Runtime;

namespace WidgetIdentity.Testing;

/// <summary>
/// Runs one inline script in a JavaScript engine next to stand-ins for the vendors' scripts, then lets the page finish
/// loading (DOMContentLoaded, load) and the vendors load (read their globals and queues, dispatch their ready events), and
/// returns what they received. Reading the data this way, and not by matching the markup's formatting, keeps a site's tests
/// working whatever the script's layout.
/// </summary>
internal static class VendorScriptRunner
{
    private const string StandInsResource = "WidgetIdentity.Testing.vendor-stand-ins.js";

    private static readonly Lazy<string> StandIns = new(LoadStandIns);

    /// <summary>What the vendors received from <paramref name="script"/>; nothing when the script is not one a vendor reads (it failed to run).</summary>
    /// <exception cref="FormatException">The script makes a call the vendor's SDK rejects (the real widget would throw).</exception>
    public static ScriptOutcome Run(string script)
    {
        var engine = new Engine(options => options.TimeoutInterval(TimeSpan.FromSeconds(5)).LimitRecursion(256).MaxStatements(1_000_000));
        string recorded;
        try
        {
            engine.Execute(StandIns.Value);
            engine.Execute(script);
            recorded = engine.Evaluate("__vendorsLoad()").AsString();
        }
        catch (Exception error) when (error is JavaScriptException or JintException or Acornima.ParseErrorException)
        {
            return ScriptOutcome.None; // a site's own script that needs a browser (fetch, the DOM, ...): no widget data
        }

        using var document = JsonDocument.Parse(recorded);
        var root = document.RootElement;
        if (root.GetProperty("rejections").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } rejection)
        {
            throw new FormatException(
                $"The page's call to the {rejection.GetProperty("vendor").GetString()} widget would be rejected by the vendor's SDK: "
                + $"{rejection.GetProperty("message").GetString()}.");
        }

        return new ScriptOutcome(
            [.. root.GetProperty("identities").EnumerateArray().Select(RecordedIdentity.Read)],
            root.GetProperty("resets").GetBoolean());
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
