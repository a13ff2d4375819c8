using System.Buffers;

namespace WidgetIdentity.Guard.Scanning;

/// <summary>What the caller of <see cref="SecretScanner.Next"/> sends next.</summary>
internal enum ScanSegmentKind
{
    /// <summary>Bytes of the current write, at <see cref="ScanSegment.Offset"/>.</summary>
    Input,

    /// <summary>Bytes of <see cref="SecretScanner.Tail"/>, at <see cref="ScanSegment.Offset"/>.</summary>
    Tail,

    /// <summary>An occurrence of a secret, <see cref="ScanSegment.Length"/> bytes long: send a mask in its place.</summary>
    Secret,
}

/// <summary>
/// One piece of output. <see cref="SecretFollows"/> says the next segment is a secret, so a caller that blocks
/// can hold this one back too.
/// </summary>
internal readonly record struct ScanSegment(ScanSegmentKind Kind, int Offset, int Length, SecretForms Form, bool SecretFollows);

/// <summary>
/// The per-response state of the scan: it splits each write into clean segments and secret occurrences, and
/// keeps back only the trailing bytes that could begin an occurrence (a proper prefix of an encoded secret), to
/// be checked with the next write or released at the end.
/// </summary>
/// <remarks>
/// Call <see cref="Begin"/> with a write, then <see cref="Next"/> with the same bytes until it returns
/// <see langword="false"/>, sending each segment before asking for the next (tail segments point into a buffer
/// the scanner reuses). Clean bytes are never copied, except the few that meet a held-back tail.
/// </remarks>
internal sealed class SecretScanner : IDisposable
{
    private readonly SecretPatternSet _patterns;
    private byte[]? _tail;
    private int _tailLength;

    private bool _final;
    private bool _inTail;       // scanning _tail (held bytes plus the start of the write) rather than the write
    private int _inputLength;
    private int _inputCopied;   // bytes of the write already copied into _tail
    private int _heldInTail;    // how many bytes at the front of _tail came from earlier writes (the rest is this write's)
    private int _position;      // next byte of the current region to send
    private ScanHit _pending;   // a hit found but not yet reported

    public SecretScanner(SecretPatternSet patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = patterns;
    }

    /// <summary>The held-back bytes; <see cref="ScanSegmentKind.Tail"/> segments point into it.</summary>
    public ReadOnlySpan<byte> Tail => _tail;

    /// <summary><see cref="Tail"/> as memory, for a caller that sends a tail segment asynchronously.</summary>
    public ReadOnlyMemory<byte> TailMemory => _tail;

    /// <summary>How many bytes are held back for the next write.</summary>
    public int HeldBack => _tailLength;

    /// <summary>Starts a write; <paramref name="final"/> marks the end of the response (nothing is held back).</summary>
    public void Begin(ReadOnlySpan<byte> input, bool final)
    {
        _final = final;
        _inputLength = input.Length;
        _inputCopied = 0;
        _position = 0;
        _pending = default;
        _inTail = _tailLength > 0;
        _heldInTail = _tailLength;
        if (_inTail)
        {
            CopyIntoTail(input);
        }
    }

    /// <summary>The next segment of the write begun with <see cref="Begin"/>, or <see langword="false"/> when it is all sent or held.</summary>
    public bool Next(ReadOnlySpan<byte> input, out ScanSegment segment)
    {
        while (true)
        {
            var region = _inTail ? _tail.AsSpan(0, _tailLength) : input;
            var regionFinal = _final && (!_inTail || _inputCopied == _inputLength);
            if (_pending.Kind == ScanHitKind.None)
            {
                if (_position < region.Length)
                {
                    _pending = _patterns.FindNext(region, _position, regionFinal);
                }

                if (_pending.Kind == ScanHitKind.None)
                {
                    if (_position < region.Length)
                    {
                        segment = Clean(_position, region.Length - _position, secretFollows: false);
                        _position = region.Length;
                        return true;
                    }

                    if (!_inTail)
                    {
                        segment = default;
                        return false;
                    }

                    // The held bytes are settled: go on with the rest of the write, in place.
                    _inTail = false;
                    _tailLength = 0;
                    _position = _inputCopied;
                    continue;
                }
            }

            var hit = _pending;
            if (hit.Start > _position)
            {
                segment = Clean(_position, hit.Start - _position, hit.Kind == ScanHitKind.Match);
                _position = hit.Start;
                return true;
            }

            _pending = default;
            if (hit.Kind == ScanHitKind.Match)
            {
                segment = new ScanSegment(ScanSegmentKind.Secret, hit.Start, hit.Length, hit.Form, SecretFollows: false);
                _position = hit.Start + hit.Length;
                return true;
            }

            // A partial occurrence runs to the end of the region: hold it back.
            if (!_inTail)
            {
                _tailLength = 0;
                CopyIntoTail(input[hit.Start..]);
                segment = default;
                return false;
            }

            if (hit.Start >= _heldInTail)
            {
                // The held bytes are settled and this one begins in the write: go on in place from there, where the
                // write's further bytes settle it, rather than copy the rest of the write through the tail.
                _position = _inputCopied - (region.Length - hit.Start);
                _inTail = false;
                _tailLength = 0;
                continue;
            }

            region[hit.Start..].CopyTo(_tail);
            _tailLength = region.Length - hit.Start;
            _heldInTail -= hit.Start;
            if (_inputCopied == _inputLength)
            {
                segment = default;
                return false;
            }

            CopyIntoTail(input[_inputCopied..]);
            _position = 0;
        }
    }

    /// <summary>Moves the held-back bytes to the front of a region the caller scans in place, and forgets them.</summary>
    public void MoveHeldTo(Span<byte> destination)
    {
        _tail.AsSpan(0, _tailLength).CopyTo(destination);
        _tailLength = 0;
    }

    /// <summary>Holds back the end of a region the caller scanned in place: a possible start of a secret.</summary>
    public void Hold(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _tail ??= ArrayPool<byte>.Shared.Rent((2 * _patterns.MaxMatchLength) + 1);
        bytes.CopyTo(_tail);
        _tailLength = bytes.Length;
    }

    private ScanSegment Clean(int offset, int length, bool secretFollows) =>
        new(_inTail ? ScanSegmentKind.Tail : ScanSegmentKind.Input, offset, length, 0, secretFollows);

    // Appends the start of the write: while scanning the tail, only enough to settle every start among the held
    // bytes (the longest occurrence past them); a start after them is settled in place, so the rest of the write is
    // not copied. A partial occurrence is shorter than the longest, so one in a full tail begins after the held bytes.
    private void CopyIntoTail(ReadOnlySpan<byte> bytes)
    {
        _tail ??= ArrayPool<byte>.Shared.Rent((2 * _patterns.MaxMatchLength) + 1);
        var limit = _inTail ? _heldInTail + _patterns.MaxMatchLength : _tail.Length;
        var count = Math.Min(bytes.Length, limit - _tailLength);
        bytes[..count].CopyTo(_tail.AsSpan(_tailLength));
        _tailLength += count;
        _inputCopied += _inTail ? count : bytes.Length;
    }

    public void Dispose()
    {
        if (_tail is { } tail)
        {
            _tail = null;
            _tailLength = 0;
            ArrayPool<byte>.Shared.Return(tail);
        }
    }
}
