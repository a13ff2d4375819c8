using System.Globalization;
using System.Text.Json;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// Custom attributes, from a site's <c>IWidgetUserResolver</c> through the real tag, reach a Chatwoot SDK that throws
/// where the real one throws: every hostile string arrives exactly, as a value and inside a name (lone surrogates as
/// U+FFFD), with the numbers, booleans and dates beside it, and no payload runs.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class HostileCustomAttributeTests(ChromiumFixture chromium, ChatwootSite site) : IClassFixture<ChatwootSite>
{
    [Theory]
    [MemberData(nameof(HostileStrings.Batches), MemberType = typeof(HostileStrings))]
    public async Task Every_hostile_string_arrives_exactly_in_setUser_and_setCustomAttributes(int batch)
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        await browser.GotoAsync($"browser-tests/hostile-attributes/{batch}");

        var widget = await StandInSdk.Chatwoot.SettledAsync(browser);
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.__done === true"), "The page's last script did not run.");
        Assert.Empty(widget.Errors);
        Assert.Equal(0, widget.Lost);
        Assert.Equal(
            Enumerable.Repeat<string[]>(["set-user", "set-custom-attributes"], HostileStrings.BatchSize).SelectMany(pair => pair),
            widget.MessageTypes); // each tag's setUser, then its setCustomAttributes
        var differences = new HostileDifferences();
        for (var i = 0; i < HostileStrings.BatchSize; i++)
        {
            var index = batch * HostileStrings.BatchSize + i;
            var value = Expected.WellFormed(HostileStrings.All[index]);
            var id = Expected.WellFormed(HostileStrings.UserId(index));
            differences.Compare(index, "setUser", widget.Users[i].IdAndFields(),
                [("id", id), ("name", value), ("identifier_hash", Expected.Hash(id))]);
            differences.CompareUnordered(index, "setCustomAttributes", Attributes(widget.CustomAttributes[i]),
            [
                ("note", $"text {value}"),
                (HostileAttributeUsers.NameHolding(value), $"number {index}"),
                ("vip", index % 2 == 0 ? "true" : "false"),
                ("score", $"number {(index + 0.25).ToString("R", CultureInfo.InvariantCulture)}"),
                ("since", "text 2024-02-29T13:45:00.0000000Z"),
            ]);
        }

        differences.AssertNone();
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await browser.AssertCleanAsync();
    }

    /// <summary>The attributes as names and typed values (compared unordered: the order of an object's keys is not the vendor's concern).</summary>
    private static IEnumerable<(string Name, string Value)> Attributes(JsonElement attributes) =>
        attributes.EnumerateObject().Select(attribute => (attribute.Name, attribute.Value.ValueKind switch
        {
            JsonValueKind.String => $"text {BrowserPage.Text(attribute.Value)}",
            JsonValueKind.Number => $"number {attribute.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture)}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            var kind => $"a {kind}",
        }));
}
