using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>The guard's log entries. EventIds are stable (100-199); no entry ever carries a secret.</summary>
internal static partial class SecretGuardLog
{
    [LoggerMessage(EventId = 100, EventName = "SecretRedacted", Level = LogLevel.Critical,
        Message = "A configured WidgetIdentity secret was found in the response body of {Path} ({Form}) and masked. Find what writes it and remove it.")]
    public static partial void SecretRedacted(ILogger logger, PathString path, SecretForms form);

    [LoggerMessage(EventId = 101, EventName = "SecretBlocked", Level = LogLevel.Critical,
        Message = "A configured WidgetIdentity secret was found in the response body of {Path} ({Form}); the response was blocked.")]
    public static partial void SecretBlocked(ILogger logger, PathString path, SecretForms form);

    [LoggerMessage(EventId = 102, EventName = "SecretInHeader", Level = LogLevel.Critical,
        Message = "A configured WidgetIdentity secret was found in the response header {HeaderName} of {Path} ({Form}); {Action}.")]
    public static partial void SecretInHeader(ILogger logger, string headerName, PathString path, SecretForms form, string action);

    [LoggerMessage(EventId = 103, EventName = "SecretInCompressedBody", Level = LogLevel.Critical,
        Message = "A configured WidgetIdentity secret was found in the {ContentEncoding}-compressed response body of {Path} ({Form}); compressed bytes cannot be masked, so the response was blocked.")]
    public static partial void SecretInCompressedBody(ILogger logger, string contentEncoding, PathString path, SecretForms form);

    [LoggerMessage(EventId = 104, EventName = "UnscannableContentEncoding", Level = LogLevel.Critical,
        Message = "The response of {Path} carries Content-Encoding {ContentEncoding}, which the WidgetIdentity secret guard cannot decode to scan; the response was blocked.")]
    public static partial void UnscannableContentEncoding(ILogger logger, PathString path, string contentEncoding);

    [LoggerMessage(EventId = 105, EventName = "SecretInStaticFile", Level = LogLevel.Critical,
        Message = "A configured WidgetIdentity secret was found in the static file {File} ({Form}). Remove it from the web root.")]
    public static partial void SecretInStaticFile(ILogger logger, string file, SecretForms form);

    [LoggerMessage(EventId = 106, EventName = "StaticFileNotScanned", Level = LogLevel.Warning,
        Message = "The static file {File} could not be scanned for configured secrets: {Reason}")]
    public static partial void StaticFileNotScanned(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 107, EventName = "ProtectedValueNotGuarded", Level = LogLevel.Warning,
        Message = "WidgetIdentity:Guard:Protect covers {Key}, but {Part} is not guarded: {Reason}. Use a longer, random secret there, or remove the key from Protect.")]
    public static partial void ProtectedValueNotGuarded(ILogger logger, string key, string part, string reason);

    [LoggerMessage(EventId = 108, EventName = "ProtectPatternMatchesNothing", Level = LogLevel.Warning,
        Message = "WidgetIdentity:Guard:Protect lists {Pattern}, which matches no configuration key with a value, so it protects nothing. Check the key's spelling and sections (separated by ':').")]
    public static partial void ProtectPatternMatchesNothing(ILogger logger, string pattern);

    [LoggerMessage(EventId = 109, EventName = "ProtectPatternInvalid", Level = LogLevel.Warning,
        Message = "WidgetIdentity:Guard:Protect lists {Pattern}, which is not a configuration key pattern: sections are separated by ':', none may be empty, and '*' stands for whole sections only (ConnectionStrings:*, *:ApiKey).")]
    public static partial void ProtectPatternInvalid(ILogger logger, string pattern);

    [LoggerMessage(EventId = 110, EventName = "DecodingToScan", Level = LogLevel.Debug,
        Message = "The {ContentEncoding}-encoded response of {Path} is decoded to be scanned for configured secrets.")]
    public static partial void DecodingToScan(ILogger logger, string contentEncoding, PathString path);
}
