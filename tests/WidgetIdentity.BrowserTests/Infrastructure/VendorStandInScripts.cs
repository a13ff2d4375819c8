using System.Text;
using System.Text.RegularExpressions;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// The vendor stand-ins of <c>StandIns/</c> (one file each, named for the vendor), each with the shared recorder
/// <c>vendor-record.js</c> before it: served by <see cref="VendorStandIns"/> at <c>/_test/vendor/&lt;vendor&gt;.js</c> for
/// vendors whose script the tag loads or that stand after the tag, or added to a browser context as an init script for
/// vendors whose snippet stands before the tag.
/// </summary>
public static partial class VendorStandInScripts
{
    private const string Recorder = "vendor-record";

    /// <summary>Where the test sites serve the stand-in of <paramref name="vendor"/>, e.g. <c>/_test/vendor/intercom.js</c>.</summary>
    public static string Url(string vendor) => $"/_test/vendor/{vendor}.js";

    /// <summary>Runs the stand-in's snippet part before every page script of <paramref name="browser"/> (not subject to the page's CSP).</summary>
    public static Task AddSnippetAsync(BrowserPage browser, string vendor) => browser.Context.AddInitScriptAsync(Source(vendor));

    /// <summary>The script for a request path of the form <see cref="Url"/>, or <see langword="null"/> where no such stand-in exists.</summary>
    internal static string? ForPath(string path) =>
        StandInPath().Match(path) is { Success: true } match && match.Groups[1].Value != Recorder && Read(match.Groups[1].Value) is { } script
            ? Read(Recorder) + script
            : null;

    private static string Source(string vendor) =>
        Read(Recorder) + (Read(vendor) ?? throw new ArgumentException($"No stand-in StandIns/{vendor}.js.", nameof(vendor)));

    private static string? Read(string name)
    {
        using var stream = typeof(VendorStandInScripts).Assembly.GetManifestResourceStream($"StandIns.{name}.js");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\A/_test/vendor/([a-z]+)\.js\z")]
    private static partial Regex StandInPath();
}
