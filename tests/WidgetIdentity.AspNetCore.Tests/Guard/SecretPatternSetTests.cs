using System.Text;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class SecretPatternSetTests
{
    [Theory]
    [InlineData("TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.Raw)]
    [InlineData("TEST-ONLY-sk\\u005Flive_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.JsonEscape)]
    [InlineData("TEST&#x2D;ONLY&#45;sk_live_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.HtmlReference)]
    [InlineData("TEST%2dONLY%2Dsk_live_9f3Kq7ZpX2wLm4Rb", (int)SecretForms.PercentEncoding)]
    [InlineData("544553542d4f4e4c592d736b5f6c6976655f3966334b71375a705832774c6d345262", (int)SecretForms.Hex)]
    public void Names_the_form_it_found(string body, int form)
    {
        var hit = GuardHarness.Patterns.FindNext(Encoding.ASCII.GetBytes("x " + body + " y"), 0, final: true);

        Assert.Equal(ScanHitKind.Match, hit.Kind);
        Assert.Equal(2, hit.Start);
        Assert.Equal(body.Length, hit.Length);
        Assert.Equal((SecretForms)form, hit.Form);
    }

    [Fact]
    public void A_proper_prefix_at_the_end_is_partial_and_nothing_once_the_data_is_final()
    {
        var data = Encoding.ASCII.GetBytes("hello TEST-ONLY-sk_li");

        Assert.Equal(ScanHit.PartialAt(6), GuardHarness.Patterns.FindNext(data, 0, final: false));
        Assert.Equal(ScanHitKind.None, GuardHarness.Patterns.FindNext(data, 0, final: true).Kind);
    }

    [Fact]
    public void A_long_run_of_candidates_that_never_complete_finds_nothing()
    {
        var adversarial = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4R&amp;%2\\u00", 500)));

        Assert.Equal(ScanHitKind.None, GuardHarness.Patterns.FindNext(adversarial, 0, final: true).Kind);
    }
}
