using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SampleSite.Data;
using WidgetIdentity.IntegrationTests.Infrastructure;
using static WidgetIdentity.IntegrationTests.Infrastructure.WidgetScripts;

namespace WidgetIdentity.IntegrationTests;

/// <summary>The sample reads the names and picture from the user's row (AddWidgetUserProfile), not from the sign-in cookie.</summary>
public sealed class ProfileEditTests
{
    [Fact]
    public async Task A_name_edited_on_the_profile_page_reaches_the_widget_on_the_next_page_without_signing_in_again()
    {
        await using var site = new SampleSiteFactory("Ainisa");
        var client = await SiteClient.LogInAsync(site, DemoLogins.Bob.Email);
        var profile = await client.GetDocumentAsync("/Profile");
        var form = profile.QuerySelector<IHtmlFormElement>("form#edit-name") ?? throw new InvalidOperationException("No edit form.");

        var saved = await client.SubmitAsync("/Profile", form, new Dictionary<string, string> { ["firstName"] = "Robert", ["lastName"] = "Smith-Jones" });
        saved.EnsureSuccessStatusCode();
        var next = await client.GetDocumentAsync("/");

        var user = AinisaUser(next);
        Assert.Equal(DemoLogins.Bob.Id, Field(user, "user_id"));
        Assert.Equal("Robert", Field(user, "firstname"));
        Assert.Equal("Smith-Jones", Field(user, "lastname"));
        Assert.Equal("Robert Smith-Jones", next.QuerySelector("#signed-in-as")?.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Profile")]
    [InlineData("/Support")] // two widgets
    public async Task A_signed_in_page_reads_the_user_row_once_for_all_its_widgets_besides_the_layouts_own_read(string path)
    {
        var commands = 0;
        await using var factory = new SampleSiteFactory("Ainisa");
        using var site = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.ConfigureDbContext<SampleDbContext>(options =>
                options.LogTo(_ => Interlocked.Increment(ref commands), [RelationalEventId.CommandExecuted]))));
        var client = await SiteClient.LogInAsync(site, DemoLogins.Jane.Email);

        Interlocked.Exchange(ref commands, 0);
        var page = await client.GetDocumentAsync(path);

        Assert.Contains(InlineScripts(page), script => script.Text.Contains("\"Jane", StringComparison.Ordinal)); // her name, from the row
        // One read by the layout's header, one (in a scope of its own) for every widget on the page.
        Assert.Equal(2, commands);
    }
}
