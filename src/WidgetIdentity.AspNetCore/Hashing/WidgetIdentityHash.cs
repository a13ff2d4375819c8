using System.Security.Cryptography;
using System.Text;

namespace WidgetIdentity.Hashing;

/// <summary>
/// The identity hash every supported vendor checks: <c>HMAC-SHA256(key = UTF-8 of the secret, message = UTF-8 of the value)</c>
/// as lowercase hex. The secret is used as given, never hex- or base64-decoded.
/// </summary>
public static class WidgetIdentityHash
{
    internal const int HashByteLength = SHA256.HashSizeInBytes;
    private const int StackallocLimit = 256;

    /// <summary>Computes the lowercase hex HMAC-SHA256 of <paramref name="value"/> keyed with <paramref name="secret"/>.</summary>
    public static string Compute(string secret, string value)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(value);
        return Compute(Encoding.UTF8.GetBytes(secret), value);
    }

    /// <summary>
    /// Returns whether <paramref name="hash"/> is the identity hash of <paramref name="value"/>. The comparison takes
    /// the same time wherever the first difference is, and accepts upper- or lowercase hex.
    /// </summary>
    public static bool Verify(string secret, string value, string? hash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(value);
        return Verify(Encoding.UTF8.GetBytes(secret), value, hash);
    }

    internal static bool Verify(ReadOnlySpan<byte> key, string value, string? hash)
    {
        if (hash is null || hash.Length != HashByteLength * 2)
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HashByteLength];
        if (Convert.FromHexString(hash, claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashByteLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashByteLength];
        ComputeBytes(key, value, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    internal static string Compute(ReadOnlySpan<byte> key, string value)
    {
        Span<byte> hash = stackalloc byte[HashByteLength];
        ComputeBytes(key, value, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes the 32 hash bytes of <paramref name="value"/> to <paramref name="destination"/>.</summary>
    internal static void ComputeBytes(ReadOnlySpan<byte> key, string value, Span<byte> destination)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var message = maxBytes <= StackallocLimit
            ? stackalloc byte[StackallocLimit]
            : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(value, message);
            HMACSHA256.HashData(key, message[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
