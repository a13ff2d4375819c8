using System.Text;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

public sealed class PageKeyTests
{
    [Fact]
    public void A_page_key_is_the_first_twelve_bytes_of_the_sha256_of_the_hash_in_base64url()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de..., base64url of its first 12 bytes.
        Assert.Equal("ungWv48Bz-pBQUDe", WidgetRendering.PageKeyFor(Encoding.ASCII.GetBytes("abc")));
    }
}
