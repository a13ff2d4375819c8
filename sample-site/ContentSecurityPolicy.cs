using System.Security.Cryptography;

namespace SampleSite;

/// <summary>
/// A per-request Content-Security-Policy nonce: only scripts that carry it run, which is why
/// <c>&lt;chat-widget-user nonce="@Context.CspNonce()" /&gt;</c> puts it on every script it writes.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    public static string CspNonce(this HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseContentSecurityPolicy() has not run for this request.");

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        context.Response.Headers.ContentSecurityPolicy =
            $"script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";
        return next(context);
    });
}
