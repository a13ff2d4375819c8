using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

public sealed class CspNonceTests
{
    [Theory]
    [InlineData("abc123")]
    [InlineData("rAnd0m+/Base64==")]
    [InlineData("url-safe_nonce=")]
    public void Base64_and_base64url_nonces_are_valid(string nonce)
    {
        Assert.True(CspNonce.IsValid(nonce));
    }

    [Theory]
    [InlineData("\" onload=\"alert(1)")]
    [InlineData("abc def")]
    [InlineData("abc'")]
    [InlineData("abc>")]
    [InlineData("abc===")]
    [InlineData("==")]
    [InlineData("ab=c")]
    public void Nonces_that_could_break_the_attribute_or_are_not_base64_are_invalid(string nonce)
    {
        Assert.False(CspNonce.IsValid(nonce));
    }
}
