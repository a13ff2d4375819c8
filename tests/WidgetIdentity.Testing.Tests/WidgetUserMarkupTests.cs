using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Testing.Tests;

public sealed class WidgetUserMarkupTests
{
    private const string Secret = "TEST-ONLY-widget-secret-0123456789";
    private const string HostileName = "Zoë \"</script><script>alert(1)</script>\" O'Brien 🎉\u2028";

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
        Assert.Equal(HostileName, user.Fields[nameField]);
        Assert.True(user.IsSignedWith(Secret));
    }

    [Fact]
    public async Task A_hash_made_with_another_secret_does_not_verify()
    {
        var user = WidgetUserMarkup.Find(await Render("Ainisa", "Jane"));

        Assert.False(user!.IsSignedWith("TEST-ONLY-another-secret-0123456789"));
    }

    [Fact]
    public void A_page_without_widget_user_data_yields_none()
    {
        Assert.Null(WidgetUserMarkup.Find("<script src=\"https://chatbot.ainisa.com/widget.js\"></script><script>var x = 1;</script>"));
    }

    private static async Task<string> Render(string vendor, string firstName)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = Secret,
            ["WidgetIdentity:Vendor"] = vendor,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWidgetIdentity().BuildServiceProvider();
        var context = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(ClaimTypes.GivenName, firstName)], "Test")),
        };

        var html = await services.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest());
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
