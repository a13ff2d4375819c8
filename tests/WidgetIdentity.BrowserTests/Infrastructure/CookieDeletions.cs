using Microsoft.Net.Http.Headers;
using Microsoft.Playwright;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>The cookies a response deletes, read from its raw <c>Set-Cookie</c> headers as the browser received them.</summary>
public static class CookieDeletions
{
    /// <summary>Each <c>Set-Cookie</c> that empties a cookie and expires it in the past: its name, domain (<see langword="null"/> for host-only) and path.</summary>
    public static async Task<IReadOnlyList<(string Name, string? Domain, string? Path)>> InAsync(IResponse response)
    {
        var headers = await response.HeadersArrayAsync();
        return
        [
            .. headers
                .Where(header => header.Name.Equals(HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
                .SelectMany(header => header.Value.Split('\n'))
                .Select(value => SetCookieHeaderValue.TryParse(value, out var cookie) ? cookie : null)
                .Where(cookie => cookie is { Value.Length: 0, Expires: { } expires } && expires < DateTimeOffset.UnixEpoch.AddDays(1))
                .Select(cookie => (cookie!.Name.Value!, cookie.Domain.Value, cookie.Path.Value)),
        ];
    }
}
