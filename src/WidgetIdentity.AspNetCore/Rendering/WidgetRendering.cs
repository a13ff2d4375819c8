using System.Buffers.Text;
using System.Security.Cryptography;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Rendering;

/// <summary>
/// What the renderer wrote for one widget, and whom it identifies as a page key: a Blazor Web App's page script compares
/// the keys of the page it has with those of a page that replaced it without a load, to see whether the visitor changed.
/// </summary>
internal sealed record WidgetRendering(ResolvedWidget Widget, string Html, string PageKey)
{
    /// <summary>The page key of a page that identifies nobody.</summary>
    public const string NobodyPageKey = "";

    private const int PageKeyBytes = 12;

    /// <summary>
    /// A key for the user whose identity hash is <paramref name="identityHash"/>: a SHA-256 of the hash, cut short. It only
    /// tells two visitors apart; it reveals neither the id nor the hash.
    /// </summary>
    public static string PageKeyFor(ReadOnlySpan<byte> identityHash)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(identityHash, digest);
        return Base64Url.EncodeToString(digest[..PageKeyBytes]);
    }
}
