using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WidgetIdentity.Configuration;
using WidgetIdentity.Hashing;

namespace WidgetIdentity.Preview;

/// <summary>
/// Serves the preview widget's script and answers whether a signature verifies (an HMAC of the user id or of the email, or
/// a JWT): only <c>{"verified":true|false}</c>, never a hash or anything from a token. Added only when a widget is in preview mode, which start-up validation allows only in
/// Development unless the app opts in.
/// </summary>
internal sealed class PreviewMiddleware(RequestDelegate next, WidgetCatalog catalog, TimeProvider time)
{
    private const int MaxVerifyRequestBytes = 16 * 1024;
    private const string ScriptResourceName = "WidgetIdentity.Preview.preview-widget.js";

    private static readonly Lazy<byte[]> ScriptBytes = new(LoadScript);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals(PreviewEndpoints.Script, StringComparison.OrdinalIgnoreCase)
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            return ServeScriptAsync(context);
        }

        if (path.Equals(PreviewEndpoints.Verify, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method))
        {
            return VerifyAsync(context);
        }

        return next(context);
    }

    private static Task ServeScriptAsync(HttpContext context)
    {
        var script = ScriptBytes.Value;
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = script.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(script).AsTask();
    }

    private async Task VerifyAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxVerifyRequestBytes || context.Request.HasJsonContentType() is false)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        PreviewVerifyRequest? request;
        try
        {
            using var limited = new MemoryStream();
            await context.Request.Body.CopyToAsync(limited, context.RequestAborted);
            if (limited.Length > MaxVerifyRequestBytes)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            request = JsonSerializer.Deserialize<PreviewVerifyRequest>(limited.GetBuffer().AsSpan(0, (int)limited.Length), JsonOptions);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is not { IsWellFormed: true })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (catalog.Find(request.Widget) is not { Preview: true } widget)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var verified = request switch
        {
            { Token: { } token } => await PreviewJwt.VerifyAsync(widget, token, time),
            { Email: { } email } => WidgetIdentityHash.Verify(widget.SecretKey, email, request.Hash),
            _ => WidgetIdentityHash.Verify(widget.SecretKey, request.UserId!, request.Hash),
        };

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new { verified }, context.RequestAborted);
    }

    private static byte[] LoadScript()
    {
        using var stream = typeof(PreviewMiddleware).Assembly.GetManifestResourceStream(ScriptResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ScriptResourceName} is missing from WidgetIdentity.AspNetCore.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
