using System.Text;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Dialects;

public sealed class VendorDialectTests
{
    private const string Hash = "c44eeb3397f29a15f7328f9ffc608a99dde2bfcf0e8a2fd393cf12a05ba14a9b";

    private static readonly WidgetUser Jane = new("1") { FirstName = "Jane", LastName = "Doe", Email = "jane@example.com" };

    [Fact]
    public void Ainisa_assigns_window_ainisaUser_exactly_as_the_vendor_documents()
    {
        Assert.Equal(
            """window.ainisaUser = {"user_id":"1","user_hash":"c44eeb3397f29a15f7328f9ffc608a99dde2bfcf0e8a2fd393cf12a05ba14a9b","firstname":"Jane","lastname":"Doe","email":"jane@example.com"};""",
            Write(VendorDialects.Ainisa, Jane));
    }

    [Fact]
    public void Chatku_calls_setUser_on_chatbot_ready_exactly_as_the_vendor_documents()
    {
        Assert.Equal(
            """
            window.addEventListener("chatbot:ready", function () {
              window.$chatbot.setUser("1", {"name":"Jane Doe","email":"jane@example.com","identifier_hash":"c44eeb3397f29a15f7328f9ffc608a99dde2bfcf0e8a2fd393cf12a05ba14a9b"});
            });
            """.ReplaceLineEndings("\n"),
            Write(VendorDialects.Chatku, Jane));
    }

    [Fact]
    public void Chatwoot_uses_its_own_ready_event_and_sdk_object()
    {
        Assert.Equal(
            """
            window.addEventListener("chatwoot:ready", function () {
              window.$chatwoot.setUser("1", {"name":"Jane Doe","email":"jane@example.com","identifier_hash":"c44eeb3397f29a15f7328f9ffc608a99dde2bfcf0e8a2fd393cf12a05ba14a9b"});
            });
            """.ReplaceLineEndings("\n"),
            Write(VendorDialects.Chatwoot, Jane));
    }

    [Fact]
    public void Unknown_fields_are_left_out_and_only_id_and_hash_remain()
    {
        var idOnly = new WidgetUser("1");

        Assert.Equal($$"""window.ainisaUser = {"user_id":"1","user_hash":"{{Hash}}"};""", Write(VendorDialects.Ainisa, idOnly));
        Assert.Contains($$"""setUser("1", {"identifier_hash":"{{Hash}}"});""", Write(VendorDialects.Chatku, idOnly));
    }

    [Fact]
    public void Chatwoot_style_name_prefers_the_full_name_claim_over_first_and_last()
    {
        var user = Jane with { Name = "Dr. Jane Q. Doe" };

        Assert.Contains("\"name\":\"Dr. Jane Q. Doe\"", Write(VendorDialects.Chatwoot, user));
    }

    [Fact]
    public void Chatwoot_style_name_is_the_first_name_alone_when_no_last_name_is_known()
    {
        Assert.Contains("\"name\":\"Jane\"", Write(VendorDialects.Chatku, new WidgetUser("1") { FirstName = "Jane" }));
    }

    [Theory]
    [InlineData("ainisa", "Ainisa")]
    [InlineData("CHATKU", "Chatku")]
    [InlineData("Mampu", "Chatku")]
    [InlineData(" chatwoot ", "Chatwoot")]
    public void Vendor_names_are_case_insensitive_and_know_the_white_label_aliases(string configured, string expected)
    {
        Assert.Equal(expected, VendorDialects.Find(configured)?.Name);
    }

    [Fact]
    public void An_unknown_vendor_is_not_found()
    {
        Assert.Null(VendorDialects.Find("Intercomm"));
    }

    private static string Write(VendorDialect dialect, WidgetUser user)
    {
        var text = new StringBuilder();
        dialect.WriteUserData(new ScriptBuilder(text), user, TestSigners.WithIdHash(Hash), resetFirst: false);
        return text.ToString();
    }
}
