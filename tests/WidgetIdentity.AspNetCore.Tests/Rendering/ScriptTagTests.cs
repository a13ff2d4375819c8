using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

public sealed class ScriptTagTests
{
    [Fact]
    public void A_script_url_cannot_leave_its_quoted_attribute()
    {
        var tag = new ScriptTag(nonce: null, inert: false).Open("https://cdn.example/w.js?a=\"><img src=x>&b=1");

        Assert.Equal("<script src=\"https://cdn.example/w.js?a=&quot;&gt;&lt;img src=x&gt;&amp;b=1\">", tag);
    }

    [Fact]
    public void An_inert_script_carries_the_type_the_page_script_starts_and_its_url_in_data_src()
    {
        var tag = new ScriptTag("abc123", inert: true).Open("https://cdn.example/w.js");

        Assert.Equal("<script type=\"text/widget-identity\" data-src=\"https://cdn.example/w.js\" nonce=\"abc123\">", tag);
    }

    [Fact]
    public void A_script_written_before_the_page_started_runs_as_an_ordinary_script()
    {
        Assert.Equal("<script src=\"/w.js\" nonce=\"abc123\">", new ScriptTag("abc123", inert: false).Open("/w.js"));
        Assert.Equal("<script>", new ScriptTag(nonce: null, inert: false).Open(src: null));
    }
}
