using System.IO.Compression;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Guard;

/// <summary>
/// Scans the web root once at start-up (in development that includes the static web assets of referenced
/// projects), compressed copies (<c>.gz</c>, <c>.br</c>) decoded. A secret found is a Critical log entry naming
/// the file; in Block mode the app refuses to start. The files found clean are recorded in
/// <see cref="CleanStaticAssets"/>, so their precompressed copies are not decoded again on every request.
/// </summary>
internal sealed class StaticAssetAudit(IServiceProvider services, SecretGuardPatterns patterns, CleanStaticAssets clean, ILogger<StaticAssetAudit> logger) : IHostedService
{
    private const int BufferSize = 64 * 1024;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (patterns.Current(out var mode) is not { } set || services.GetService<IWebHostEnvironment>()?.WebRootFileProvider is not { } files)
        {
            return Task.CompletedTask;
        }

        var found = new List<string>();
        var cleanFiles = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (path, file) in Enumerate(files, ""))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scan = Scan(set, path, file);
            if (scan.Form is { } form)
            {
                SecretGuardLog.SecretInStaticFile(logger, path, form);
                found.Add(path);
            }
            else if (scan.Complete)
            {
                cleanFiles[path] = file.Length;
            }
        }

        clean.Record(set, cleanFiles);

        if (found.Count > 0 && mode == SecretGuardMode.Block)
        {
            throw new InvalidOperationException(
                $"A configured WidgetIdentity secret was found in the static file(s) {string.Join(", ", found)}. "
                + "Remove it from those files (in the web root, wwwroot in a template app, or a referenced project's static web assets); "
                + "WidgetIdentity:Guard:Mode is Block, so the app does not start while it is there.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<(string Path, IFileInfo File)> Enumerate(IFileProvider files, string directory)
    {
        foreach (var entry in files.GetDirectoryContents(directory))
        {
            var path = directory.Length == 0 ? entry.Name : $"{directory}/{entry.Name}";
            if (entry.IsDirectory)
            {
                foreach (var child in Enumerate(files, path))
                {
                    yield return child;
                }
            }
            else
            {
                yield return (path, entry);
            }
        }
    }

    // The first secret found, or none; Complete is false when the file could not be read to the end.
    private (SecretForms? Form, bool Complete) Scan(SecretPatternSet set, string path, IFileInfo file)
    {
        try
        {
            using var raw = file.CreateReadStream();
            using var content = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress)
                : path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) ? new BrotliStream(raw, CompressionMode.Decompress)
                : raw;
            using var scanner = new SecretScanner(set);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                if (FirstSecret(scanner, buffer.AsSpan(0, read), final: false) is { } form)
                {
                    return (form, true);
                }
            }

            return (FirstSecret(scanner, [], final: true), true);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            SecretGuardLog.StaticFileNotScanned(logger, path, exception.GetType().Name);
            return (null, false);
        }
    }

    private static SecretForms? FirstSecret(SecretScanner scanner, ReadOnlySpan<byte> bytes, bool final)
    {
        scanner.Begin(bytes, final);
        while (scanner.Next(bytes, out var segment))
        {
            if (segment.Kind == ScanSegmentKind.Secret)
            {
                return segment.Form;
            }
        }

        return null;
    }
}
