using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// The web root files the start-up audit found clean, with their lengths, for the pattern set it scanned them with.
/// An asset served by <c>MapStaticAssets</c> from one of them is sent without being scanned again on every request
/// (a precompressed copy without being decoded, a plain file through the server's own send); after a configuration
/// change (a new pattern set) or for a file of another length, it is scanned.
/// </summary>
internal sealed class CleanStaticAssets
{
    private volatile Audit? _audit;

    /// <summary>Records the clean files (relative path, length) of an audit with <paramref name="patterns"/>.</summary>
    public void Record(SecretPatternSet patterns, IEnumerable<KeyValuePair<string, long>> files) =>
        _audit = new Audit(patterns, files.ToFrozenDictionary(StringComparer.Ordinal));

    /// <summary>The files the last audit found clean (relative paths, in ordinal order).</summary>
    internal IEnumerable<string> RecordedFiles => (_audit?.Files.Keys ?? []).Order(StringComparer.Ordinal);

    /// <summary>Whether the response is a static asset endpoint's file that the audit found clean for these patterns.</summary>
    public bool Covers(HttpContext context, SecretPatternSet patterns)
    {
        if (_audit is not { } audit
            || !ReferenceEquals(audit.Patterns, patterns)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not { } asset
            || !audit.Files.TryGetValue(asset.AssetPath, out var length))
        {
            return false;
        }

        // The length the endpoint announces (from the build manifest) is the length of the file the audit read.
        return context.Response.ContentLength == length
            || (context.Response.ContentLength is null && DeclaredLength(asset) == length);
    }

    private static long? DeclaredLength(StaticAssetDescriptor asset)
    {
        foreach (var header in asset.ResponseHeaders)
        {
            if (string.Equals(header.Name, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(header.Value, out var length) ? length : null;
            }
        }

        return null;
    }

    private sealed record Audit(SecretPatternSet Patterns, FrozenDictionary<string, long> Files);
}
