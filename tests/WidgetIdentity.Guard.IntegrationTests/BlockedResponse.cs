using System.IO.Compression;
using System.Net;
using System.Text;

namespace WidgetIdentity.Guard.IntegrationTests;

/// <summary>
/// What reached the client of a response: its status, its <c>Content-Encoding</c>, the body bytes that arrived and whether the
/// application aborted it part way (<c>HttpContext.Abort()</c>, how the guard stops a started response). Any other transport
/// error (an exception in the app, a broken stream) is not caught: it fails the test, as it would fail a user.
/// </summary>
internal sealed record BlockedResponse(HttpStatusCode? Status, string? ContentEncoding, byte[] Body, bool AbortedByTheApp)
{
    /// <summary>What TestHost's client reports when the application calls <c>HttpContext.Abort()</c>.</summary>
    private const string ApplicationAborted = "The application aborted the request.";

    public static async Task<BlockedResponse> ReceiveAsync(HttpClient client, HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (Exception exception) when (IsApplicationAbort(exception))
        {
            return new BlockedResponse(null, null, [], AbortedByTheApp: true);
        }

        using (response)
        {
            var encoding = response.Content.Headers.ContentEncoding.Count == 0 ? null : string.Join(", ", response.Content.Headers.ContentEncoding);
            using var received = new MemoryStream();
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(received);
                return new BlockedResponse(response.StatusCode, encoding, received.ToArray(), AbortedByTheApp: false);
            }
            catch (Exception exception) when (IsApplicationAbort(exception))
            {
                return new BlockedResponse(response.StatusCode, encoding, received.ToArray(), AbortedByTheApp: true);
            }
        }
    }

    /// <summary>TestHost's report of <c>HttpContext.Abort()</c>: the cancellation itself, or an IOException around it while reading.</summary>
    private static bool IsApplicationAbort(Exception exception) => exception switch
    {
        OperationCanceledException { Message: ApplicationAborted } => true,
        IOException { Message: ApplicationAborted } => true,
        IOException { InnerException: { } inner } => IsApplicationAbort(inner),
        _ => false,
    };

    /// <summary>Whether it ended as the guard ends a blocked response: an empty 500, or an abort by the application.</summary>
    public bool IsBlocked => AbortedByTheApp || (Status == HttpStatusCode.InternalServerError && Body.Length == 0);

    /// <summary>The body as text, decoded by its <c>Content-Encoding</c> as far as the bytes that arrived go.</summary>
    public string Text()
    {
        using Stream? decoder = ContentEncoding switch
        {
            null => null,
            "gzip" => new GZipStream(new MemoryStream(Body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(Body), CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Content-Encoding {ContentEncoding} is not one these tests decode."),
        };
        if (decoder is null)
        {
            return Encoding.UTF8.GetString(Body);
        }

        using var decoded = new MemoryStream();
        var buffer = new byte[256];
        try
        {
            int read;
            while ((read = decoder.Read(buffer)) > 0)
            {
                decoded.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // The stream was cut off by the abort: keep what decoded before the cut.
        }

        return Encoding.UTF8.GetString(decoded.ToArray());
    }
}
