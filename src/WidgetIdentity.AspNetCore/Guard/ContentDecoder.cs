using System.Buffers;
using System.IO.Compression;

namespace WidgetIdentity.Guard;

/// <summary>
/// Decodes a compressed response body as it is written (gzip, deflate, br), so the guard can scan what the
/// client will see without buffering the response.
/// </summary>
internal sealed class ContentDecoder : IDisposable
{
    private readonly FeedStream _feed = new();
    private readonly Stream _decoder;

    private ContentDecoder(Func<Stream, Stream> create) => _decoder = create(_feed);

    /// <summary>A decoder for a single <c>Content-Encoding</c>, or <see langword="null"/> for one that is not supported.</summary>
    public static ContentDecoder? Create(string encoding) => encoding.Trim().ToLowerInvariant() switch
    {
        "gzip" or "x-gzip" => new(static s => new GZipStream(s, CompressionMode.Decompress)),
        "deflate" => new(static s => new ZLibStream(s, CompressionMode.Decompress)),
        "br" => new(static s => new BrotliStream(s, CompressionMode.Decompress)),
        _ => null,
    };

    /// <summary>Gives the decoder more compressed bytes; read what they decode to with <see cref="Read"/>.</summary>
    public void Feed(ReadOnlySpan<byte> compressed) => _feed.Append(compressed);

    /// <summary>Decoded bytes available so far; 0 when the decoder needs more input.</summary>
    public int Read(Span<byte> destination) => _decoder.Read(destination);

    public void Dispose()
    {
        _decoder.Dispose();
        _feed.Release();
    }

    // A read-only stream over the bytes fed so far; reading past them returns 0 until more are fed.
    private sealed class FeedStream : Stream
    {
        private byte[] _buffer = [];
        private int _start;
        private int _end;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (_buffer.Length - _end < bytes.Length)
            {
                var pending = _end - _start;
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(pending + bytes.Length, 4096));
                _buffer.AsSpan(_start, pending).CopyTo(larger);
                Release();
                _buffer = larger;
                _end = pending;
            }

            bytes.CopyTo(_buffer.AsSpan(_end));
            _end += bytes.Length;
        }

        public void Release()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = [];
            _start = _end = 0;
        }

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(buffer);
            _start += count;
            if (_start == _end)
            {
                _start = _end = 0;
            }

            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
