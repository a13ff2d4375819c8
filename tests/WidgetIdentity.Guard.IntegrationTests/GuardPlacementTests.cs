namespace WidgetIdentity.Guard.IntegrationTests;

public class GuardPlacementTests
{
    [Fact]
    public async Task Placed_explicitly_and_twice_it_scans_once()
    {
        using var factory = GuardSiteFactory.With(new() { ["Site:ExplicitGuard"] = "true" });

        var body = await factory.CreateClient().GetStringAsync("/compressed/text");

        Assert.Equal($"<p>compressed {new string('*', GuardSiteFactory.RootSecret.Length)}</p>", body);
        Assert.Single(factory.Logs, entry => entry.Id.Id == 100);
    }

    [Theory]
    [InlineData("true")] // UseWidgetIdentity() twice, besides the automatic placement
    [InlineData("false")] // the automatic placement only
    public async Task However_often_it_is_placed_a_response_is_decoded_and_scanned_once(string explicitTwice)
    {
        // The app gzips /encoded itself, so each guard that scans it decodes it and says so (EventId 110, Debug). Two
        // guards that both scanned could not be told apart by the body: the inner one masks before the outer one looks.
        using var factory = GuardSiteFactory.With(new() { ["Site:ExplicitGuard"] = explicitTwice }, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Debug);

        var response = await factory.CreateClient().GetAsync("/encoded");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, factory.Logs.Count(entry => entry.Id.Id == 110 && entry.Message.Contains("/encoded")));
    }

    [Fact]
    public void In_block_mode_a_secret_in_the_web_root_stops_the_app_from_starting()
    {
        using var factory = GuardSiteFactory.With(new() { ["WidgetIdentity:Guard:Mode"] = "Block" });

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("js/leak.js", exception.ToString());
        Assert.DoesNotContain("TEST-ONLY", exception.ToString());
        Assert.Contains(factory.Logs, entry => entry.Id.Id == 105 && entry.Message.Contains("js/leak.js"));
    }
}
