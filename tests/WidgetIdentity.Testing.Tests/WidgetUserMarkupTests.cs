using System.Security.Claims;
using WidgetIdentity.Testing.Tests.Support;
using static WidgetIdentity.Testing.Tests.Support.TestSite;

namespace WidgetIdentity.Testing.Tests;

public sealed class WidgetUserMarkupTests
{
    [Theory]
    [InlineData("Ainisa", "window.ainisaUser", "firstname")]
    [InlineData("Chatku", "chatbot:ready", "name")]
    [InlineData("Chatwoot", "chatwoot:ready", "name")]
    public async Task Reads_back_exactly_what_the_tag_rendered_for_each_vendor(string vendor, string target, string nameField)
    {
        var html = "<html><body><p>page</p>" + await Render(vendor, HostileName) + "</body></html>";

        var user = Assert.IsType<RenderedWidgetUser>(WidgetUserMarkup.Find(html));

        Assert.Equal(target, user.Target);
        Assert.Equal("7", user.UserId);
        Assert.Equal(Expected.Hmac(Secret, "7"), user.UserHash);
        Assert.Equal(HostileName, user.Fields[nameField]);
        Assert.True(user.IsSignedWith(Secret));
    }

    [Fact]
    public async Task A_hash_made_with_another_secret_does_not_verify()
    {
        var user = WidgetUserMarkup.Find(await Render("Ainisa", "Jane"));

        Assert.False(user!.IsSignedWith(OtherSecret));
    }

    [Fact]
    public void IsSignedWith_accepts_a_hash_of_the_shared_vectors_and_rejects_it_for_another_id()
    {
        // A row of shared/test-vectors/hmac-sha256.json, which Node, PHP, Ruby and Python agree on.
        const string secret = "b02612a8bdf5e736c41ce2002181d124";
        const string hashOf42 = "d91bd2f9b61b1cff5e1e8cd963a89a96a604ec50e55e500b78e033faebd0cde2";

        static RenderedWidgetUser Page(string id) =>
            WidgetUserMarkup.Find($$"""<script>window.ainisaUser = {"user_id":"{{id}}","user_hash":"{{hashOf42}}"};</script>""")!;

        Assert.True(Page("42").IsSignedWith(secret));
        Assert.False(Page("43").IsSignedWith(secret));
        Assert.False(Page("42").IsSignedWith(secret + "x"));
    }

    [Fact]
    public void A_page_without_widget_user_data_yields_none()
    {
        Assert.Null(WidgetUserMarkup.Find("<script src=\"https://chatbot.ainisa.com/widget.js\"></script><script>var x = 1;</script>"));
    }

    [Fact]
    public async Task Reads_custom_attributes_whose_values_hold_the_call_syntax_itself()
    {
        const string hostile = "\"}); window.$chatwoot.setCustomAttributes({\"x\":1}); window.$chatwoot.reset();";

        var user = WidgetUserMarkup.Find(await Render("Chatwoot", hostile, attributes: [new Claim("plan", hostile)]));

        Assert.Equal(hostile, user!.Fields["name"]);
        Assert.Equal(hostile, user.CustomAttributes["plan"].GetString());
        Assert.False(user.ResetsPreviousVisitor);
        Assert.True(user.IsSignedWith(Secret));
    }

    [Fact]
    public async Task A_page_for_another_user_on_the_same_browser_reads_as_resetting_first()
    {
        var cookie = await CookieAfterJane("Chatku");

        var next = await Render("Chatku", "Bob", id: "8", cookie: cookie);

        var user = WidgetUserMarkup.Find(next);
        Assert.Equal("8", user!.UserId);
        Assert.True(user.ResetsPreviousVisitor);
        Assert.True(WidgetUserMarkup.ResetsWidget(next));
    }

    [Fact]
    public async Task The_page_after_sign_out_identifies_nobody_and_resets_the_widget()
    {
        var cookie = await CookieAfterJane("Chatwoot");

        var next = await Render("Chatwoot", firstName: null, id: null, cookie: cookie);

        Assert.Null(WidgetUserMarkup.Find(next));
        Assert.True(WidgetUserMarkup.ResetsWidget(next));
        Assert.False(WidgetUserMarkup.ResetsWidget(await Render("Chatwoot", "Jane")));
    }

    [Fact]
    public void Reads_the_data_the_way_the_vendor_script_would_whatever_the_scripts_layout()
    {
        const string reformatted = """
            <script>
              window.addEventListener('chatbot:ready', () => {
                const user = { email: 'jane@example.com', identifier_hash: 'ab' + 'cd' };
                window.$chatbot.setUser(7, user);
              });
            </script>
            """;

        var user = WidgetUserMarkup.Find(reformatted);

        Assert.Equal(("chatbot:ready", "7", "abcd", "jane@example.com"), (user!.Target, user.UserId, user.UserHash, user.Fields["email"]));
    }

    [Fact]
    public async Task A_sites_own_scripts_and_data_blocks_are_passed_over_and_the_widget_data_still_found()
    {
        var page = "<script type=\"application/ld+json\">{\"@type\":\"Organization\"}</script>"
            + "<script>document.getElementById('x').textContent = 'needs a browser';</script>"
            + await Render("Ainisa", "Jane");

        var user = WidgetUserMarkup.Find(page);

        Assert.Equal("window.ainisaUser", user!.Target);
        Assert.True(user.IsSignedWith(Secret));
    }

    [Theory]
    [InlineData("window.$chatwoot.setUser(\"7\", {\"identifier_hash\":\"ab\"});", "User object should have one of the keys [avatar_url, email, name]")]
    [InlineData("window.$chatwoot.setUser({}, {\"name\":\"Jane\",\"identifier_hash\":\"ab\"});", "Identifier should be a string or a number")]
    [InlineData("window.$chatwoot.setUser(\"7\", {\"name\":\"Jane\",\"identifier_hash\":\"ab\"}); window.$chatwoot.setCustomAttributes({});", "Custom attributes should have atleast one key")]
    public void A_call_the_vendors_SDK_would_reject_fails_the_read_with_the_SDKs_reason(string call, string reason)
    {
        var page = $"<script>window.addEventListener(\"chatwoot:ready\", function () {{ {call} }});</script>";

        var error = Assert.Throws<FormatException>(() => WidgetUserMarkup.Find(page));

        Assert.Contains(reason, error.Message);
    }
}
