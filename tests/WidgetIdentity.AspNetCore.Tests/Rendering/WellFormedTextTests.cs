using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

// Plain Facts: xunit's theory serialization would itself mangle lone surrogates.
public sealed class WellFormedTextTests
{
    [Fact]
    public void A_high_surrogate_that_ends_the_text_becomes_the_replacement_character()
    {
        Assert.Equal("id-\uFFFD", WellFormedText.From("id-\uD83D"));
    }

    [Fact]
    public void Every_lone_surrogate_is_replaced_not_only_the_first()
    {
        Assert.Equal("\uFFFDa\uFFFDb\uFFFD", WellFormedText.From("\uDC00a\uD800b\uDFFF"));
    }

    [Fact]
    public void A_pair_of_surrogates_is_kept()
    {
        Assert.Equal("a\uD83C\uDF89\uFFFD", WellFormedText.From("a\uD83C\uDF89\uDC00"));
    }
}
