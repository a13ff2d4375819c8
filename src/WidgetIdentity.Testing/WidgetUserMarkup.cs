using System.Text.RegularExpressions;

namespace WidgetIdentity.Testing;

/// <summary>
/// Reads the chat-widget user data out of a rendered page, so a site's own tests can assert what the widget
/// will be told: <c>WidgetUserMarkup.Find(html)?.IsSignedWith(secret)</c>. Each inline script runs in a JavaScript engine
/// (Jint) next to stand-ins for the vendors' scripts, which take the data where the real ones take it.
/// </summary>
public static partial class WidgetUserMarkup
{
    /// <summary>Every block of widget user data in <paramref name="html"/>, in page order.</summary>
    public static IReadOnlyList<RenderedWidgetUser> FindAll(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return [.. InlineScripts(html).SelectMany(script => VendorScriptRunner.Run(script).Users)];
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
        return InlineScripts(html).Any(script => VendorScriptRunner.Run(script).Resets);
    }

    /// <summary>The text of each inline classic script (no <c>src</c>, no data type such as <c>application/json</c>).</summary>
    private static IEnumerable<string> InlineScripts(string html) =>
        ScriptElement().Matches(html)
            .Where(script => !SourceAttribute().IsMatch(script.Groups["attributes"].Value) && IsClassicScript(script.Groups["attributes"].Value))
            .Select(script => script.Groups["body"].Value);

    private static bool IsClassicScript(string attributes) =>
        TypeAttribute().Match(attributes) is not { Success: true } type
        || type.Groups["type"].Value is "" or "text/javascript" or "application/javascript" or "module";

    [GeneratedRegex("<script\\b(?<attributes>[^>]*)>(?<body>.*?)</script\\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("\\bsrc\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("\\btype\\s*=\\s*[\"']?(?<type>[^\"'\\s>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex TypeAttribute();
}
