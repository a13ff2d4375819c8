using System.Text.Json;
using System.Text.Json.Nodes;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// What a vendor stand-in (<see cref="VendorStandInScripts"/>) recorded on the current page once it settled: the calls its
/// SDK accepted, in order, with their arguments exactly as the page held them, and the errors it threw.
/// </summary>
public sealed class VendorRecord
{
    private VendorRecord(IReadOnlyList<VendorCall> calls, IReadOnlyList<string> errors)
    {
        Calls = calls;
        Errors = errors;
    }

    public IReadOnlyList<VendorCall> Calls { get; }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>The methods called, in order.</summary>
    public IReadOnlyList<string> Methods => [.. Calls.Select(call => call.Method)];

    /// <summary>Waits until the stand-in of <paramref name="vendor"/> has loaded and run all it scheduled, then reads its record.</summary>
    public static async Task<VendorRecord> SettledAsync(BrowserPage browser, string vendor)
    {
        await browser.Page.WaitForFunctionAsync($"() => window.__vendors && window.__vendors.{vendor} && window.__vendors.{vendor}.settled");
        var record = await browser.ReadExactAsync($"window.__vendors.{vendor}") ?? throw new InvalidOperationException($"The {vendor} stand-in left no record.");
        return new VendorRecord(
            [.. record.GetProperty("calls").EnumerateArray().Select(call => new VendorCall(
                BrowserPage.Text(call.GetProperty("method")), (JsonArray)ExactJson.Decode(call.GetProperty("args"))!))],
            [.. record.GetProperty("errors").EnumerateArray().Select(BrowserPage.Text)]);
    }

    /// <summary>The calls as JSON: <c>[{"method": ..., "args": [...]}, ...]</c>.</summary>
    public JsonArray ToJson() =>
        [.. Calls.Select(call => new JsonObject { ["method"] = call.Method, ["args"] = call.Args.DeepClone() })];

    /// <summary>The one call of <paramref name="method"/>, asserting there is exactly one.</summary>
    public VendorCall Single(string method) => Assert.Single(Calls, call => call.Method == method);
}

/// <summary>A call a stand-in SDK accepted: the method (or command) and its arguments.</summary>
public sealed record VendorCall(string Method, JsonArray Args);
