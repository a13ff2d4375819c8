using System.Runtime.Intrinsics;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// What <see cref="PatternCompiler"/> builds from the secrets: the patterns, the prefilter's buckets and block
/// filters, and the tables the matchers skip by. Read-only once built; shared by every search.
/// </summary>
internal sealed class CompiledPatterns
{
    /// <summary>Each distinct secret's UTF-8 bytes (two or more).</summary>
    public required byte[][] Secrets { get; init; }

    /// <summary>One per distinct secret, with its bucket bit.</summary>
    public required PerCharacterPattern[] PerCharacter { get; init; }

    /// <summary>The whole-secret encodings (base64, base64url, hex).</summary>
    public required LiteralPattern[] Literals { get; init; }

    /// <summary>For each bucket, the indexes into <see cref="Literals"/> of the literals it holds.</summary>
    public required int[][] BucketLiterals { get; init; }

    public required BucketTables Buckets { get; init; }

    public required BlockFilters Filters { get; init; }

    /// <summary>The longest encoded occurrence of any secret.</summary>
    public required int MaxMatchLength { get; init; }

    /// <summary>
    /// No secret holds an introducer byte, so every byte of the input is read one way by every secret and a failed
    /// attempt may skip (see <see cref="UnambiguousMatcher"/>).
    /// </summary>
    public required bool Unambiguous { get; init; }

    /// <summary>The escape forms whose inner bytes cannot begin a secret.</summary>
    public required SecretForms SkipForms { get; init; }

    /// <summary>For each secret, its KMP shifts over all secrets (<see cref="UnambiguousMatcher.Shifts"/>).</summary>
    public required int[][] Shifts { get; init; }

    public required int MinLiteralLength { get; init; }

    /// <summary>The bucket of the only secret's raw pattern, when it has no introducer; otherwise -1.</summary>
    public required int SingleRawBucket { get; init; }

    /// <summary>That secret's ASCII prefix as lowercase <c>\u00XX</c> escapes, one after another.</summary>
    public required byte[] SingleJsonLower { get; init; }

    /// <summary>The first 64 bytes of the secret and of <see cref="SingleJsonLower"/>, zero padded.</summary>
    public required Vector512<byte> SingleRawHead { get; init; }

    public required Vector512<byte> SingleJsonHead { get; init; }
}

/// <summary>A secret whose every character may be raw or escaped on its own, and its prefilter bucket bit.</summary>
internal readonly record struct PerCharacterPattern(int Secret, int Bucket);

/// <summary>A whole-secret encoding matched byte for byte (hex digits in either case when <see cref="CaseInsensitive"/>).</summary>
internal readonly record struct LiteralPattern(int Secret, byte[] Bytes, bool CaseInsensitive, SecretForms Form);
