using System.Text;
using WidgetIdentity.Guard;

namespace WidgetIdentity.Tests.Guard;

public class SecretGuardBodyPropertyTests
{
    private const int Cases = 10_000;
    private const int Seed = 20240603;

    private static readonly string[] Secrets = [TestSecrets.Plain, TestSecrets.Awkward];
    private static readonly byte[] Filler = Encoding.ASCII.GetBytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 <>=\"/.\n{}:,");
    private static readonly string[] Noise = ["&amp;", "&#x41;", "&#65;", "%20", "%2f", "\\n", "\\u0041", "&", "%", "\\", "&lt;", "&#", "TEST-ONLY", "VEVTVC1PTkxZ", "544553542d"];

    [Fact]
    public async Task Bytes_reaching_the_client_never_hold_a_secret_and_every_other_byte_arrives_unchanged()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Cases; i++)
        {
            var (input, expected) = Generate(random);
            var api = i % 5;
            var maxChunk = (i / 5 % 4) switch { 0 => 1, 1 => 7, 2 => 64, _ => 5000 };
            using var harness = new GuardHarness();
            await WriteInChunks(harness, input, random, api, maxChunk);
            await harness.Body.FinishAsync();

            var sent = harness.Sent;
            if (!sent.AsSpan().SequenceEqual(expected))
            {
                Assert.Fail($"case {i} (api {api}, chunks up to {maxChunk}): sent differs from expected at byte {sent.AsSpan().CommonPrefixLength(expected)}.\n"
                    + $"input:    {Convert.ToHexString(input)} {Encoding.UTF8.GetString(input)}\nexpected: {Encoding.UTF8.GetString(expected)}\nsent:     {Convert.ToHexString(sent)} {Encoding.UTF8.GetString(sent)}");
            }
        }
    }

    private static async Task WriteInChunks(GuardHarness harness, byte[] input, Random random, int api, int maxChunk)
    {
        var writer = harness.Feature.Writer;
        var written = 0;
        var usedWriter = false;
        while (written < input.Length)
        {
            var count = Math.Min(input.Length - written, random.Next(1, maxChunk + 1));
            var chunk = input.AsMemory(written, count);
            var chosen = api == 4 ? random.Next(4) : api;
            if (usedWriter && chosen < 2)
            {
                // Flushing before switching to the Stream is what portable apps do (ResponseCompressionBody needs it); the guard commits each Advance and does not.
                await writer.FlushAsync();
            }

            usedWriter = chosen == 2;
            switch (chosen)
            {
                case 0:
                    harness.Body.Write(chunk.Span);
                    break;
                case 1:
                    await harness.Body.WriteAsync(chunk);
                    break;
                case 2:
                    chunk.Span.CopyTo(writer.GetSpan(count));
                    writer.Advance(count);
                    break;
                default:
                    await writer.WriteAsync(chunk);
                    break;
            }

            written += count;
            if (random.Next(8) == 0)
            {
                await writer.FlushAsync();
                await harness.Body.FlushAsync();

                // Only the bytes that could begin a secret are held back, and a flush does not release them.
                Assert.Equal(written, harness.Output.Length + harness.Body.HeldBack);
                Assert.True(harness.Body.HeldBack < GuardHarness.Patterns.MaxMatchLength);
            }
        }
    }

    // A body of filler and noise with one to three secrets in random forms; expected has each secret's core masked.
    private static (byte[] Input, byte[] Expected) Generate(Random random)
    {
        var input = new List<byte>();
        var expected = new List<byte>();
        var parts = random.Next(1, 4);
        for (var part = 0; part < parts; part++)
        {
            AddFiller(random, input, expected);
            var encoded = SecretEncodings.Encode(Secrets[random.Next(Secrets.Length)], random.Next(SecretEncodings.FormCount), random, out var core);
            var (offset, length) = core.GetOffsetAndLength(encoded.Length);
            input.AddRange(encoded);
            expected.AddRange(encoded.Take(offset));
            expected.AddRange(Enumerable.Repeat((byte)'*', length));
            expected.AddRange(encoded.Skip(offset + length));
        }

        AddFiller(random, input, expected);
        return (input.ToArray(), expected.ToArray());
    }

    private static void AddFiller(Random random, List<byte> input, List<byte> expected)
    {
        // Filler ends in a space so it never runs into the secret that follows (no base64 or hex neighbours).
        var length = random.Next(0, 200);
        for (var i = 0; i < length; i++)
        {
            byte[] piece = random.Next(12) == 0 ? Encoding.ASCII.GetBytes(Noise[random.Next(Noise.Length)]) : [Filler[random.Next(Filler.Length)]];
            input.AddRange(piece);
            expected.AddRange(piece);
        }

        input.Add((byte)' ');
        expected.Add((byte)' ');
    }
}
