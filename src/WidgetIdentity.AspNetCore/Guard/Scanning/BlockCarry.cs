namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Masks that the block filters compute for the 64 bytes after a block, kept for the next block, which reuses them
/// when it starts there: on input full of near-misses every block is filtered, and each computes only its new half.
/// </summary>
internal struct BlockCarry
{
    /// <summary>Where <see cref="Stops"/> starts (bit j: the byte there + j), or -1.</summary>
    public int StopsAt;
    public ulong Stops;

    /// <summary>Where <see cref="Ascii"/> (ASCII JSON escapes) starts, or -1.</summary>
    public int AsciiAt;
    public ulong Ascii;

    /// <summary>Where <see cref="Introducers"/> starts, or -1.</summary>
    public int IntroducersAt;
    public ulong Introducers;

    public static BlockCarry None => new() { StopsAt = -1, AsciiAt = -1, IntroducersAt = -1 };
}
