using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;
using WidgetIdentity.BrowserTests.Pages.BrowserTests;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// Every generated hostile string, as name, company, email local part and custom attribute (value and name), through the
/// real tag for each of the nine vendors, reaches that vendor's stand-in (which throws where the SDK would) exactly in
/// every string field the vendor takes (lone surrogates as U+FFFD; Help Scout's name and company cut to its limits), with
/// each HMAC recomputed and each JWT verified, and no payload runs.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class HostileVendorTests(ChromiumFixture chromium, AllVendorsSite site) : IClassFixture<AllVendorsSite>
{
    [Theory]
    [MemberData(nameof(HostileStrings.Batches), MemberType = typeof(HostileStrings))]
    public async Task Every_hostile_string_arrives_exactly_at_every_vendor_and_no_injected_script_runs(int batch)
    {
        await using var browser = await site.OpenAsync(chromium);

        await browser.GotoAsync($"browser-tests/hostile-vendors/{batch}");

        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.__done === true"), "The page's last script did not run.");
        var differences = new HostileDifferences();
        foreach (var vendor in HostileVendorsModel.Widgets)
        {
            var widget = await VendorRecord.SettledAsync(browser, vendor);
            Assert.Empty(widget.Errors);
            var perUser = HostileVendorFields.CallsPerUser[vendor];
            Assert.Equal(HostileStrings.BatchSize * perUser, widget.Calls.Count);
            for (var i = 0; i < HostileStrings.BatchSize; i++)
            {
                var index = batch * HostileStrings.BatchSize + i;
                differences.CompareUnordered(index, vendor, await HostileVendorFields.ReceivedAsync(widget.Calls.Skip(i * perUser).Take(perUser)),
                    HostileVendorFields.Expected(vendor, index));
            }
        }

        differences.AssertNone();
        Assert.Equal("undefined", await browser.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        await browser.AssertCleanAsync();
    }
}
