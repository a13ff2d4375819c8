using System.Text.Json;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// Every generated hostile string, rendered through the real tag helper in a compiled Razor page served by the
/// sample site, arrives in the browser exactly (lone surrogates as U+FFFD, which is what the package writes and
/// what the vendor hashes), and none of the injection payloads ever runs.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class HostileNameTests(ChromiumFixture chromium, AinisaSite site) : IClassFixture<AinisaSite>
{
    [Theory]
    [MemberData(nameof(HostileStrings.Batches), MemberType = typeof(HostileStrings))]
    public async Task Every_hostile_string_arrives_exactly_and_no_injected_script_runs(int batch)
    {
        await using var browser = await BrowserPage.OpenAsync(chromium, site);

        var response = await browser.GotoAsync($"browser-tests/hostile/{batch}");

        Assert.Null(await response.HeaderValueAsync("content-security-policy")); // only the encoding protects this page
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.__done === true"), "The page's last script did not run.");
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        var captured = await browser.ReadExactAsync("window.__captured") ?? throw new InvalidOperationException("Nothing captured.");
        var chatku = await StandInSdk.Chatku.SettledAsync(browser);
        Assert.Empty(chatku.Errors);
        Assert.Equal(HostileStrings.BatchSize, captured.GetArrayLength());
        Assert.Equal(HostileStrings.BatchSize, chatku.Users.Count);

        var differences = new HostileDifferences();
        for (var i = 0; i < HostileStrings.BatchSize; i++)
        {
            var index = batch * HostileStrings.BatchSize + i;
            var value = Expected.WellFormed(HostileStrings.All[index]);
            var id = Expected.WellFormed(HostileStrings.UserId(index));
            var hash = Expected.Hash(id);
            differences.Compare(index, "window.ainisaUser", Fields(captured[i]),
                [("user_id", id), ("user_hash", hash), ("firstname", value), ("lastname", value), ("email", value)]);
            differences.Compare(index, "setUser", chatku.Users[i].IdAndFields(),
                [("id", id), ("name", value), ("company_name", value), ("description", value), ("city", value), ("identifier_hash", hash)]);
        }

        differences.AssertNone();
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await browser.AssertCleanAsync();
    }

    [Fact]
    public void The_generated_strings_are_at_least_2000_distinct_ones_and_hold_every_kind_of_hostile_text()
    {
        var all = HostileStrings.All;

        var distinct = all.Distinct(StringComparer.Ordinal).Count();
        Assert.True(distinct >= 2000, $"Only {distinct} distinct strings.");
        string[] kinds = ["\"", "'", "\\", "</script>", "<!--", "<script", "\u2028", "\u2029", "\0", "\u200F", "\u202E", "🎉", "window.__pwned"];
        foreach (var kind in kinds)
        {
            Assert.True(all.Count(s => s.Contains(kind, StringComparison.Ordinal)) >= 20, $"Too few strings contain {HostileDifferences.Escape(kind)}.");
        }

        Assert.True(all.Count(HasLoneSurrogate) >= 100, "Too few strings with lone surrogates.");
        Assert.True(all.Count(s => s.Length >= 5_000) >= 20, "Too few very long strings.");
    }

    private static IReadOnlyList<(string Name, string Value)> Fields(JsonElement user) =>
        user.ValueKind == JsonValueKind.Object ? [.. BrowserPage.Fields(user).Select(field => (field.Key, field.Value))] : [];

    private static bool HasLoneSurrogate(string value) => Expected.WellFormed(value) != value;
}
