using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// Keeps every configured secret out of the response: wraps the body feature with <see cref="SecretGuardBody"/>
/// and scans the headers as they are sent. Range requests are answered in full (the <c>Range</c> header is
/// removed), so a secret cannot be pieced together from small ranges that each hold only part of it.
/// </summary>
internal sealed class SecretGuardMiddleware
{
    private static readonly Func<object, Task> OnStartingCallback = static state => ((SecretGuardBody)state).OnStarting();

    private readonly RequestDelegate _next;
    private readonly SecretGuardPatterns _patterns;
    private readonly ILogger _logger;
    private readonly CleanStaticAssets _cleanAssets;
    private readonly bool _default;

    public SecretGuardMiddleware(RequestDelegate next, SecretGuardPatterns patterns, CleanStaticAssets cleanAssets, ILogger<SecretGuardMiddleware> logger, bool isDefault)
    {
        ArgumentNullException.ThrowIfNull(cleanAssets);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(logger);
        _next = next;
        _patterns = patterns;
        _logger = logger;
        _cleanAssets = cleanAssets;
        _default = isDefault;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((_default && _patterns.ExplicitlyPlaced)
            || context.Features.Get<ISecretGuardFeature>() is not null
            || _patterns.Current(out var mode) is not { } patterns)
        {
            return _next(context);
        }

        return InvokeCore(context, patterns, mode);
    }

    private async Task InvokeCore(HttpContext context, SecretPatternSet patterns, SecretGuardMode mode)
    {
        var request = context.Request.Headers;
        if (request.ContainsKey(HeaderNames.Range))
        {
            request.Remove(HeaderNames.Range);
            request.Remove(HeaderNames.IfRange);
        }

        var originalBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var body = new SecretGuardBody(context, originalBody, patterns, mode, _logger) { CleanAssets = _cleanAssets };
        context.Features.Set<IHttpResponseBodyFeature>(body);
        context.Features.Set<ISecretGuardFeature>(body);
        context.Response.OnStarting(OnStartingCallback, body);
        try
        {
            await _next(context);
            await body.FinishAsync();
            body.EnforceBlock();
        }
        finally
        {
            context.Features.Set(originalBody);
            context.Features.Set<ISecretGuardFeature>(null);
            await body.DisposeAsync();
        }
    }
}
