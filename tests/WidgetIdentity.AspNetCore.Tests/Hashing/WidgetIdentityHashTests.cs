using System.Text.Json;
using WidgetIdentity.Hashing;

namespace WidgetIdentity.Tests.Hashing;

public sealed class WidgetIdentityHashTests
{
    /// <summary>A row of the shared vectors: secret b02612a8bdf5e736c41ce2002181d124, user id "42".</summary>
    private const string VectorSecret = "b02612a8bdf5e736c41ce2002181d124";
    private const string VectorHashOf42 = "d91bd2f9b61b1cff5e1e8cd963a89a96a604ec50e55e500b78e033faebd0cde2";

    public static TheoryData<string, string, string> SharedVectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "hmac-sha256.json")));
        var data = new TheoryData<string, string, string>();
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            data.Add(vector.GetProperty("secret").GetString()!, vector.GetProperty("userId").GetString()!, vector.GetProperty("hash").GetString()!);
        }

        return data;
    }

    [Fact]
    public void The_shared_vectors_file_is_copied_with_every_row()
    {
        Assert.True(SharedVectors().Count >= 15, "TestData/hmac-sha256.json should carry every row of the shared vectors");
    }

    [Theory]
    [MemberData(nameof(SharedVectors))]
    public void Compute_matches_every_row_of_the_shared_vectors(string secret, string userId, string expectedHash)
    {
        Assert.Equal(expectedHash, WidgetIdentityHash.Compute(secret, userId));
    }

    [Theory]
    [MemberData(nameof(SharedVectors))]
    public void Verify_accepts_every_row_of_the_shared_vectors(string secret, string userId, string expectedHash)
    {
        Assert.True(WidgetIdentityHash.Verify(secret, userId, expectedHash));
    }

    [Fact]
    public void Verify_accepts_uppercase_hex_of_the_right_hash()
    {
        Assert.True(WidgetIdentityHash.Verify(VectorSecret, "42", VectorHashOf42.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("d91bd2f9b61b1cff5e1e8cd963a89a96a604ec50e55e500b78e033faebd0cde3")] // last digit changed
    [InlineData("d91bd2f9b61b1cff5e1e8cd963a89a96a604ec50e55e500b78e033faebd0cde")] // one digit short
    [InlineData("zz1bd2f9b61b1cff5e1e8cd963a89a96a604ec50e55e500b78e033faebd0cde2")] // not hex
    [InlineData("")]
    [InlineData(null)]
    public void Verify_rejects_a_tampered_or_malformed_hash(string? hash)
    {
        Assert.False(WidgetIdentityHash.Verify(VectorSecret, "42", hash));
    }

    [Fact]
    public void Verify_rejects_the_hash_of_another_user()
    {
        Assert.False(WidgetIdentityHash.Verify(VectorSecret, "43", VectorHashOf42));
    }

    [Fact]
    public void Compute_names_the_missing_secret_or_value()
    {
        Assert.Throws<ArgumentNullException>("secret", () => WidgetIdentityHash.Compute((string)null!, "42"));
        Assert.Throws<ArgumentNullException>("value", () => WidgetIdentityHash.Compute(VectorSecret, null!));
    }

    [Fact]
    public void Verify_names_the_missing_secret_or_value()
    {
        Assert.Throws<ArgumentNullException>("secret", () => WidgetIdentityHash.Verify((string)null!, "42", VectorHashOf42));
        Assert.Throws<ArgumentNullException>("value", () => WidgetIdentityHash.Verify(VectorSecret, null!, VectorHashOf42));
    }

    [Fact]
    public void Compute_hashes_long_ids_that_do_not_fit_on_the_stack()
    {
        var longId = new string('é', 10_000);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "0123456789abcdef"u8, System.Text.Encoding.UTF8.GetBytes(longId)));

        Assert.Equal(expected, WidgetIdentityHash.Compute("0123456789abcdef", longId));
    }

    [Fact]
    public void A_lone_surrogate_is_signed_as_U_FFFD_the_UTF_8_bytes_EF_BF_BD()
    {
        // Plain Fact: xunit's theory serialization would itself mangle lone surrogates. Computed outside .NET over the bytes:
        //   python3 -c 'import hmac,hashlib;print(hmac.new(b"TEST-ONLY-widget-secret-0123456789",b"\xef\xbf\xbd",hashlib.sha256).hexdigest())'
        const string hashOfReplacementCharacter = "7b6642105a0e26651593a894229c2571909e805b5f26ae2ad8192afa43283c8d";

        Assert.Equal(hashOfReplacementCharacter, WidgetIdentityHash.Compute("TEST-ONLY-widget-secret-0123456789", "\uD800"));
        Assert.Equal(hashOfReplacementCharacter, WidgetIdentityHash.Compute("TEST-ONLY-widget-secret-0123456789", "\uDC00"));
        Assert.True(WidgetIdentityHash.Verify("TEST-ONLY-widget-secret-0123456789", "\uD83D", hashOfReplacementCharacter));
    }
}
