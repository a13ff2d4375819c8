using WidgetIdentity.ConsumerTests.Support;
using WidgetIdentity.Testing;

namespace WidgetIdentity.ConsumerTests;

/// <summary>
/// A newcomer's app: made from the SDK's own template, set up exactly as the README's "Install" quick start says (its
/// steps are read from README.md, see <see cref="ReadmeQuickStart"/>), with the package from a feed packed from this
/// repository, the secret set through <c>dotnet user-secrets</c>, the test user of "Testing your site", built with
/// <c>-warnaserror</c> and running on 127.0.0.1. Read with WidgetIdentity.Testing, as the README shows.
/// </summary>
public sealed class TemplateAppTests(ConsumerApps apps) : IClassFixture<ConsumerApps>
{
    public static TheoryData<string> Templates => ["webapp", "mvc", "blazor"];

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task A_signed_in_user_reaches_the_widget_with_their_id_signed_by_the_secret_from_user_secrets(string template)
    {
        var app = await apps.App(template);

        var html = await app.Get("/", userId: "42");

        var user = WidgetUserMarkup.Find(html);
        Assert.True(user is not null, $"The page of a signed-in user carries no widget user data.\n{html}\n{app.Describe()}");
        Assert.Equal("42", user.UserId);
        Assert.True(user.IsSignedWith(ConsumerApps.Secret), $"The user data is not signed with the secret set through user-secrets.\n{app.Describe()}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task An_anonymous_visitor_gets_the_widget_script_and_no_user_data(string template)
    {
        var app = await apps.App(template);

        var html = await app.Get("/", userId: null);

        Assert.Null(WidgetUserMarkup.Find(html));
        Assert.Contains("<script src=\"https://chatbot.ainisa.com/widget.js\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_READMEs_site_test_passes_in_a_test_project_with_WidgetIdentity_Testing_from_the_feed()
    {
        var output = await apps.SiteTest();

        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+1,", output);
    }
}
