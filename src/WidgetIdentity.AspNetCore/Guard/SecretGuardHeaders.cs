using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>Scans every response header value just before the headers are sent, and removes any secret found.</summary>
internal static class SecretGuardHeaders
{
    private const int StackLimit = 512;

    /// <summary>Masks each secret in the header values; returns <see langword="false"/> when the mode says to block instead.</summary>
    public static bool Scan(HttpContext context, SecretPatternSet patterns, SecretGuardMode mode, ILogger logger)
    {
        var headers = context.Response.Headers;
        List<KeyValuePair<string, StringValues>>? changed = null;
        foreach (var header in headers)
        {
            var values = header.Value;
            string?[]? masked = null;
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } value && CanHold(value, patterns) && Mask(value, patterns, out var form) is { } clean)
                {
                    if (!SecretGuardDecision.MasksInHeader(mode, logger, context.Request.Path, header.Key, form))
                    {
                        return false;
                    }

                    masked ??= values.ToArray();
                    masked[i] = clean;
                }
            }

            if (masked is not null)
            {
                (changed ??= []).Add(new(header.Key, new StringValues(masked)));
            }
        }

        foreach (var (name, value) in changed ?? [])
        {
            headers[name] = value;
        }

        return true;
    }

    // Most header values (dates, content types, lengths) are shorter than any occurrence of a secret: no scan needed.
    private static bool CanHold(string value, SecretPatternSet patterns) =>
        value.Length >= patterns.MinMatchLength || Encoding.UTF8.GetByteCount(value) >= patterns.MinMatchLength;

    // The value with each occurrence masked, or null when it holds none. Allocates only when it finds one.
    private static string? Mask(string value, SecretPatternSet patterns, out SecretForms form)
    {
        form = 0;
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var bytes = buffer[..Encoding.UTF8.GetBytes(value, buffer)];
            var found = false;
            for (var hit = patterns.FindNext(bytes, 0, final: true); hit.Kind == ScanHitKind.Match; hit = patterns.FindNext(bytes, hit.Start + hit.Length, final: true))
            {
                bytes.Slice(hit.Start, hit.Length).Fill((byte)'*');
                form |= hit.Form;
                found = true;
            }

            return found ? Encoding.UTF8.GetString(bytes) : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
