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
