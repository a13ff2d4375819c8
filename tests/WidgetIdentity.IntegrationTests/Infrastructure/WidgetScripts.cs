using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace WidgetIdentity.IntegrationTests.Infrastructure;

/// <summary>Reads what <c>&lt;chat-widget-user /&gt;</c> wrote into a page, the way the vendors' scripts will.</summary>
public static partial class WidgetScripts
{
    /// <summary>The identity hash as every vendor computes it, independently of the package: HMAC-SHA256, lowercase hex.</summary>
    public static string ExpectedHash(string secret, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(value)));

    /// <summary><paramref name="token"/>'s header and payload with the HS256 signature they carry under <paramref name="secret"/>, computed here.</summary>
    public static string ExpectedJwt(string secret, string token)
    {
        var signedPart = token[..token.LastIndexOf('.')];
        return signedPart + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signedPart)));
    }

    public static IReadOnlyList<IHtmlScriptElement> InlineScripts(IHtmlDocument page) =>
        page.Scripts.Where(script => !script.HasAttribute("src")).ToList();

    public static IReadOnlyList<string> ScriptSources(IHtmlDocument page) =>
        page.Scripts.Where(script => script.HasAttribute("src")).Select(script => script.Source!).ToList();

    /// <summary>Parses Ainisa's <c>window.ainisaUser = {...};</c> from the page's only inline script.</summary>
    public static JsonElement AinisaUser(IHtmlDocument page)
    {
        var text = Assert.Single(InlineScripts(page)).Text;
        var match = AinisaPattern().Match(text);
        Assert.True(match.Success, $"Not Ainisa's format: {text}");
        return JsonDocument.Parse(match.Groups["data"].Value).RootElement.Clone();
    }

    /// <summary>Parses a Chatwoot-style <c>window.addEventListener("x:ready", ...setUser("id", {...}))</c> script.</summary>
    public static ReadyEventCall ReadyEventSetUser(string scriptText)
    {
        var match = ReadyEventPattern().Match(scriptText);
        Assert.True(match.Success, $"Not the ready-event format: {scriptText}");
        return new ReadyEventCall(
            match.Groups["event"].Value,
            match.Groups["sdk"].Value,
            JsonSerializer.Deserialize<string>(match.Groups["id"].Value)!,
            JsonDocument.Parse(match.Groups["data"].Value).RootElement.Clone());
    }

    /// <summary>The names of an object's fields, in order.</summary>
    public static string[] FieldNames(JsonElement data) => data.EnumerateObject().Select(property => property.Name).ToArray();

    public static string Field(JsonElement data, string name) => data.GetProperty(name).GetString()!;

    [GeneratedRegex(@"\Awindow\.ainisaUser = (?<data>\{.*\});\z", RegexOptions.Singleline)]
    private static partial Regex AinisaPattern();

    [GeneratedRegex("""\Awindow\.addEventListener\("(?<event>[a-z]+:ready)", function \(\) \{\n  (?<sdk>window\.\$[a-z]+)\.setUser\((?<id>"(?:[^"\\]|\\.)*"), (?<data>\{.*\})\);\n\}\);\z""", RegexOptions.Singleline)]
    private static partial Regex ReadyEventPattern();
}

public sealed record ReadyEventCall(string ReadyEvent, string SdkObject, string UserId, JsonElement Data);
