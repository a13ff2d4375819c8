using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SampleSite.Data;
using WidgetIdentity.BrowserTests.Infrastructure;

namespace WidgetIdentity.BrowserTests.Preview;

/// <summary>
/// The preview widget standing in for each of the nine vendors that read the user from a queue, a stub, settings or a
/// callback, on the sample site in Development with <c>"Preview": true</c>: it reads the data where the vendor's script
/// would, shows it exactly, and the verify endpoint judges the signature (an HMAC of the id or the email, or a JWT).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class PreviewVendorTests(ChromiumFixture chromium, PreviewVendorSites sites) : IClassFixture<PreviewVendorSites>
{
    public static TheoryData<string> Vendors => ["Intercom", "IntercomJwt", "Crisp", "HelpScout", "FrontChat", "Gleap", "Chatbase", "Zendesk", "Featurebase", "Plain"];

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task After_a_real_login_the_panel_says_verified_and_shows_the_user_as_the_vendor_reads_them(string vendor)
    {
        var site = sites.For(vendor);
        var jane = await site.StoredUserAsync("jane@example.com");
        var expected = Expect(vendor, jane);
        await using var browser = await site.OpenAsync(chromium);

        await browser.LogInAsync(jane.Email!);

        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));
        var shown = await ShownAsync(browser);
        Assert.Equal(expected.Rows, shown.Take(shown.Count - 1));
        var signature = shown[^1];
        if (expected.Claims is null)
        {
            Assert.Equal(KeyValuePair.Create("hash", expected.Hash!), signature);
        }
        else
        {
            Assert.Equal("token", signature.Key);
            var claims = await ExpectedJwt.VerifiedClaimsAsync(signature.Value, expected.KeyId);
            Assert.True(JsonNode.DeepEquals(expected.Claims, claims), $"The token carries {claims.ToJsonString()}.");
        }

        await browser.AssertCleanAsync();
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task A_page_whose_signature_was_tampered_with_makes_the_panel_say_hash_mismatch(string vendor)
    {
        var site = sites.For(vendor);
        var jane = await site.StoredUserAsync("jane@example.com");
        var expected = Expect(vendor, jane);
        await using var browser = await site.OpenAsync(chromium);
        await browser.LogInAsync(jane.Email!);
        var tampered = 0;
        await browser.Page.RouteAsync(site.Url(""), async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            html = expected.Hash is { } hash
                ? Regex.Replace(html, Regex.Escape(hash), _ =>
                {
                    tampered++;
                    return (hash[0] == '0' ? "1" : "0") + hash[1..];
                })
                : JwtSignature().Replace(html, match =>
                {
                    tampered++;
                    return match.Groups["head"].Value + (match.Groups["first"].Value == "A" ? "B" : "A");
                });
            await route.FulfillAsync(new() { Response = response, Body = html });
        });

        await browser.GotoAsync("");

        Assert.Equal(1, tampered);
        Assert.Equal("hash mismatch", await PreviewPanelTests.VerdictAsync(browser));
        await browser.AssertCleanAsync();
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public async Task For_an_anonymous_visitor_the_panel_says_there_is_no_user_data(string vendor)
    {
        await using var browser = await sites.For(vendor).OpenAsync(chromium);

        await browser.GotoAsync("");

        Assert.Equal("anonymous visitor: no user data", await PreviewPanelTests.VerdictAsync(browser));
        Assert.Equal("null", await browser.Page.EvaluateAsync<string>("() => String(window.__widgetIdentityPreview.received)"));
        await browser.AssertCleanAsync();
    }

    [Theory]
    [InlineData("Intercom")]
    [InlineData("Crisp")]
    [InlineData("HelpScout")]
    [InlineData("FrontChat")]
    [InlineData("Gleap")]
    [InlineData("Chatbase")]
    [InlineData("Zendesk")]
    public async Task After_logging_out_the_vendor_reset_call_reaches_the_preview_and_the_panel_shows_nobody(string vendor)
    {
        var site = sites.For(vendor);
        await using var browser = await site.OpenAsync(chromium);
        await browser.LogInAsync("jane@example.com");
        Assert.Equal("verified", await PreviewPanelTests.VerdictAsync(browser));

        await browser.LogOutAsync();

        Assert.Equal("anonymous visitor: no user data", await PreviewPanelTests.VerdictAsync(browser));
        Assert.Equal("true", await browser.Page.GetAttributeAsync("#widget-identity-preview", "data-reset"));
        await browser.AssertCleanAsync();
    }

    /// <summary>The panel's rows in order: label and text.</summary>
    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> ShownAsync(BrowserPage browser)
    {
        var rows = await browser.ReadExactAsync(
            "Array.from(document.querySelectorAll('#widget-identity-preview dd'), dd => ({ label: dd.dataset.field, text: dd.textContent }))");
        Assert.NotNull(rows);
        return [.. rows.Value.EnumerateArray().Select(row => KeyValuePair.Create(BrowserPage.Text(row.GetProperty("label")), BrowserPage.Text(row.GetProperty("text"))))];
    }

    /// <summary>
    /// What the panel must show for <paramref name="jane"/>, from her stored record and each vendor's documented fields: the
    /// rows before the signature, and the HMAC (computed here) or the claims the JWT must carry.
    /// </summary>
    private static Expectation Expect(string vendor, SampleUser jane)
    {
        var id = jane.Id;
        var email = jane.Email!;
        var name = jane.FullName;
        var avatar = jane.AvatarUrl!;
        return vendor switch
        {
            "Intercom" => new(
                [Row("id", id), Row("app_id", PreviewVendorSite.AppId), Row("email", email), Row("name", name),
                    Row("avatar", $$"""{"type":"avatar","image_url":"{{avatar}}"}""")],
                Expected.Hash(id)),
            "IntercomJwt" => new(
                [Row("id", id), Row("app_id", PreviewVendorSite.AppId), Row("name", name),
                    Row("avatar", $$"""{"type":"avatar","image_url":"{{avatar}}"}"""), Row("email", email)], null,
                new JsonObject { ["user_id"] = id, ["email"] = email }),
            "Crisp" => new([Row("email", email), Row("user:nickname", name), Row("user:avatar", avatar)], Expected.EmailHash(email)),
            "HelpScout" => new([Row("email", email), Row("name", name), Row("avatar", avatar)], Expected.EmailHash(email)),
            "FrontChat" => new(
                [Row("id", id), Row("chatId", PreviewVendorSite.AppId), Row("useDefaultLauncher", "true"), Row("email", email), Row("name", name)],
                Expected.Hash(id)),
            "Gleap" => new([Row("id", id), Row("name", name), Row("email", email)], Expected.Hash(id)),
            "Chatbase" => new([Row("id", id), Row("email", email), Row("name", name)], null,
                new JsonObject { ["user_id"] = id, ["email"] = email, ["name"] = name }),
            "Zendesk" => new([Row("id", id), Row("scope", "user"), Row("name", name), Row("email", email)], null,
                new JsonObject { ["scope"] = "user", ["external_id"] = id, ["name"] = name, ["email"] = email }, PreviewVendorSite.KeyId),
            "Featurebase" => new(
                [Row("id", id), Row("appId", PreviewVendorSite.AppId), Row("email", email), Row("name", name), Row("profilePicture", avatar)], null,
                new JsonObject { ["userId"] = id, ["email"] = email, ["name"] = name, ["profilePicture"] = avatar }),
            "Plain" => new([Row("email", email), Row("fullName", name), Row("shortName", jane.FirstName), Row("chatAvatarUrl", avatar)],
                Expected.EmailHash(email)),
            _ => throw new ArgumentException($"No expectation for {vendor}.", nameof(vendor)),
        };
    }

    private static KeyValuePair<string, string> Row(string label, string text) => KeyValuePair.Create(label, text);

    private sealed record Expectation(
        IReadOnlyList<KeyValuePair<string, string>> Rows, string? Hash, JsonObject? Claims = null, string? KeyId = null);

    // A JWT in the page: header and payload (both JSON objects, so base64url of "{"), then the signature's first character.
    [GeneratedRegex(@"(?<head>eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.)(?<first>[A-Za-z0-9_-])")]
    private static partial Regex JwtSignature();
}
