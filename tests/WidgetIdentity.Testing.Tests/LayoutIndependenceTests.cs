using System.Security.Claims;
using System.Text.Json;
using static WidgetIdentity.Testing.Tests.Support.TestSite;

namespace WidgetIdentity.Testing.Tests;

/// <summary>
/// A script written differently (quotes, variables, arrow functions, another event or call order) but equivalent for the
/// vendor reads the same as the tag's own: the reader runs the script, it does not match its formatting. One case per way a
/// vendor takes its data; <c>{signature}</c> stands for the hash or token the tag signed.
/// </summary>
public sealed class LayoutIndependenceTests
{
    [Theory]
    [InlineData("Intercom", """
        var settings = {};
        settings['app_id'] = 'app_0123abcd';
        settings.user_id = String(7);
        Object.assign(settings, { email: 'jane@example.com', name: 'Jane', user_hash: '{signature}', plan: 'gold' });
        window.intercomSettings = settings;
        """)]
    [InlineData("Crisp", """
        (window.$crisp = window.$crisp || []).push(
          ['set', 'user:email', ['jane@example.com', '{signature}']],
          ['set', 'user:nickname', ['Jane']],
          ['set', 'session:data', [[['plan', 'gold']]]]
        );
        """)]
    [InlineData("Featurebase", """
        window.Featurebase = window.Featurebase || function () { (Featurebase.q = Featurebase.q || []).push(arguments); };
        Featurebase('boot', { featurebaseJwt: '{signature}', appId: 'app_0123abcd' });
        """)]
    [InlineData("HelpScout", """
        Beacon('identify', Object.assign({ name: 'Jane', email: 'jane@example.com' }, { signature: '{signature}', plan: 'gold' }));
        """)]
    [InlineData("Gleap", """
        const gleap = window.Gleap;
        gleap.identify(`7`, { customData: { plan: "gold" }, email: "jane@example.com", name: "Jane" }, "{signature}");
        """)]
    [InlineData("Plain", """
        window.addEventListener('load', () => Plain.setCustomerDetails({ shortName: 'Jane', fullName: 'Jane', email: 'jane@example.com', emailHash: '{signature}' }));
        """)]
    [InlineData("Zendesk", """
        addEventListener("load", () => { zE("messenger", "loginUser", cb => cb("{signature}")); });
        """)]
    [InlineData("Chatbase", """
        window.addEventListener("load", function () { var token = "{signature}"; chatbase("identify", { token }); });
        """)]
    [InlineData("FrontChat", """
        document.addEventListener('DOMContentLoaded', function () {
          FrontChat('init', { chatId: 'app_0123abcd', useDefaultLauncher: true, userId: '7', email: 'jane@example.com', name: 'Jane',
            customFields: { plan: 'gold' }, userHash: '{signature}' });
        });
        """)]
    public async Task A_hand_reformatted_equivalent_script_reads_the_same_as_the_tags(string vendor, string reformatted)
    {
        var rendered = WidgetUserMarkup.Find(
            await Render(vendor, "Jane", email: "jane@example.com", attributes: [new Claim("plan", "gold")]))!;

        var reread = WidgetUserMarkup.Find("<script>\n" + reformatted.Replace("{signature}", rendered.UserHash, StringComparison.Ordinal) + "\n</script>");

        Assert.NotNull(reread);
        Assert.Equal(Describe(rendered), Describe(reread));
        Assert.True(reread.IsSignedWith(Secret));
    }

    /// <summary>Everything the reader reports, in a form that compares by value.</summary>
    private static string Describe(RenderedWidgetUser user) => JsonSerializer.Serialize(new
    {
        user.Target,
        user.UserId,
        user.UserHash,
        user.Signing,
        user.SignedValue,
        user.ResetsPreviousVisitor,
        Fields = user.Fields.OrderBy(field => field.Key, StringComparer.Ordinal),
        CustomAttributes = user.CustomAttributes.OrderBy(attribute => attribute.Key, StringComparer.Ordinal).Select(attribute => (attribute.Key, attribute.Value.GetRawText())),
        TokenClaims = user.TokenClaims.OrderBy(claim => claim.Key, StringComparer.Ordinal).Select(claim => (claim.Key, claim.Value.GetRawText())),
    }, new JsonSerializerOptions { IncludeFields = true });
}
