using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Every configured secret in every covered form, and a stateless search over UTF-8 bytes for the next
/// occurrence.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of pattern: the secret itself, where each character may be raw or escaped on its own (the forms of
/// <see cref="EscapeForms"/>, mixed in one occurrence), and literal whole-secret encodings (base64 and base64url
/// in the three alignments a secret can have inside a longer base64 text, hex in either case).
/// </para>
/// <para>
/// The search is a Teddy-style prefilter (as in Hyperscan and Rust's aho-corasick): for each position it checks,
/// 64 or 32 bytes at a time with nibble table look-ups, whether the byte and the next one can start a pattern. Every
/// occurrence of a per-character pattern starts with its first two raw bytes, or has an escape introducer within
/// its first two units, so the introducers are candidates too; a candidate is then checked exactly. Ordinary HTML
/// yields few candidates, so the search runs near memory speed.
/// </para>
/// <para>
/// <see cref="PatternCompiler"/> builds the tables; <see cref="Prefilter512"/>, <see cref="Prefilter256"/> and
/// <see cref="PrefilterScalar"/> are the loops, <see cref="BlockVisitor"/> visits a block's candidates and
/// <see cref="CandidateChecker"/> hands each to the matchers.
/// </para>
/// </remarks>
internal sealed class SecretPatternSet
{
    private readonly BlockVisitor _visitor;

    public SecretPatternSet(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        Compiled = PatternCompiler.Compile(secrets);
        _visitor = new BlockVisitor(Compiled);
        MinMatchLength = Math.Min(Compiled.Secrets.Min(static s => s.Length), Compiled.MinLiteralLength); // an escape is never shorter than its byte
        Mask = new byte[MaxMatchLength];
        Mask.AsSpan().Fill((byte)'*');
    }

    /// <summary>How many secrets the set holds.</summary>
    public int SecretCount => Compiled.Secrets.Length;

    /// <summary>The shortest encoded occurrence of any secret: text shorter than this holds none.</summary>
    public int MinMatchLength { get; }

    /// <summary>The longest encoded occurrence of any secret; a partial match is always shorter.</summary>
    public int MaxMatchLength => Compiled.MaxMatchLength;

    /// <summary>Asterisks to send in place of an occurrence: as long as the longest one, so Content-Length stays true.</summary>
    public byte[] Mask { get; }

    /// <summary>The tables the search runs on (for the tests' exhaustive reference).</summary>
    internal CompiledPatterns Compiled { get; }

    /// <summary>
    /// Finds the first occurrence, or partial occurrence at the end of <paramref name="data"/>, that starts at or
    /// after <paramref name="from"/>. With <paramref name="final"/> the data ends there, so nothing is partial.
    /// </summary>
    public ScanHit FindNext(ReadOnlySpan<byte> data, int from, bool final)
    {
        // Where occurrences can start: a failed attempt proves a stretch clean (UnambiguousMatcher).
        var clean = new Frontier(from, from);
        var i = from;

        // 512-bit loops only where the runtime accelerates 512-bit vectors: it does not on processors that slow down
        // for them, nor when the app sets DOTNET_PreferredVectorBitWidth=256; the AVX2 loop runs there.
        if (Vector512.IsHardwareAccelerated && Avx512BW.IsSupported)
        {
            var hit = Prefilter512.Find(_visitor, data, i, final, ref clean, out i);
            if (hit.Kind != ScanHitKind.None)
            {
                return hit;
            }
        }

        if (Avx2.IsSupported && data.Length - i > Vector256<byte>.Count)
        {
            var hit = Prefilter256.Find(_visitor, data, i, final, ref clean, out i);
            if (hit.Kind != ScanHitKind.None)
            {
                return hit;
            }
        }

        return PrefilterScalar.Find(_visitor, data, i, final, ref clean);
    }
}
