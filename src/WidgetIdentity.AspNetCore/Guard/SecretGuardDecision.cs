using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// What the guard does with a secret it found, by <see cref="SecretGuardMode"/>, and the log entry that says so: the
/// one place for both. The callers carry out the decision (mask in place, or block the response).
/// </summary>
internal static class SecretGuardDecision
{
    /// <summary>A secret in the body: logs it; <see langword="true"/> to mask it (Redact), <see langword="false"/> to block.</summary>
    public static bool MasksInBody(SecretGuardMode mode, ILogger logger, PathString path, SecretForms form)
    {
        if (mode == SecretGuardMode.Redact)
        {
            SecretGuardLog.SecretRedacted(logger, path, form);
            return true;
        }

        SecretGuardLog.SecretBlocked(logger, path, form);
        return false;
    }

    /// <summary>A secret in a header value: logs it; <see langword="true"/> to mask it (Redact), <see langword="false"/> to block.</summary>
    public static bool MasksInHeader(SecretGuardMode mode, ILogger logger, PathString path, string header, SecretForms form)
    {
        var masks = mode == SecretGuardMode.Redact;
        SecretGuardLog.SecretInHeader(logger, header, path, form, masks ? "the secret was masked" : "the response was blocked");
        return masks;
    }

    /// <summary>A secret in a body that arrived compressed: its bytes cannot be masked, so it is blocked in either mode.</summary>
    public static void BlocksCompressed(ILogger logger, PathString path, string contentEncoding, SecretForms form) =>
        SecretGuardLog.SecretInCompressedBody(logger, contentEncoding, path, form);

    /// <summary>
    /// Whether the clean bytes just before a secret are sent: in Block mode they are held too, so that a response that
    /// has not started can still become an empty 500.
    /// </summary>
    public static bool SendsBytesBeforeSecret(SecretGuardMode mode) => mode == SecretGuardMode.Redact;
}
