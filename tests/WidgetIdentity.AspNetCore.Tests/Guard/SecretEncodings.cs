using System.Text;

namespace WidgetIdentity.Tests.Guard;

/// <summary>Writes a secret in each covered form, choosing the escape of each character at random.</summary>
internal static class SecretEncodings
{
    public const int FormCount = 6;

    /// <summary>Encodes <paramref name="secret"/>; <paramref name="core"/> is the part the guard must mask.</summary>
    public static byte[] Encode(string secret, int form, Random random, out Range core) => form switch
    {
        0 => PerCharacter(secret, random, mix: false, out core),
        1 => PerCharacter(secret, random, mix: true, out core),
        2 => Base64(secret, random, url: false, out core),
        3 => Base64(secret, random, url: true, out core),
        4 => Hex(secret, upper: false, out core),
        _ => Hex(secret, upper: true, out core),
    };

    private static byte[] PerCharacter(string secret, Random random, bool mix, out Range core)
    {
        var text = new StringBuilder();
        foreach (var rune in secret.EnumerateRunes())
        {
            text.Append(mix ? EncodeRune(rune, random) : rune.ToString());
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        core = ..bytes.Length;
        return bytes;
    }

    private static string EncodeRune(Rune rune, Random random)
    {
        var hexCase = random.Next(2) == 0 ? "X" : "x";
        switch (random.Next(7))
        {
            case 0:
                return rune.ToString();
            case 1:
                var utf16 = rune.ToString();
                return string.Concat(utf16.Select(c => "\\u" + ((int)c).ToString(hexCase == "X" ? "X4" : "x4")));
            case 2:
                return "&#" + new string('0', random.Next(3)) + rune.Value + ";";
            case 3:
                return "&#" + hexCase + ((int)rune.Value).ToString(hexCase + random.Next(1, 5)) + ";";
            case 4:
                return string.Concat(Encoding.UTF8.GetBytes(rune.ToString()).Select(b => "%" + b.ToString(hexCase + "2")));
            case 5:
                return rune.Value switch
                {
                    '/' => "\\/",
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    _ => rune.ToString(),
                };
            default:
                return rune.Value switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    '+' => "&plus;",
                    _ => rune.ToString(),
                };
        }
    }

    // base64 of (0-2 random bytes + secret + 0-2 random bytes): the secret at each alignment inside a longer text.
    private static byte[] Base64(string secret, Random random, bool url, out Range core)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var before = random.Next(3);
        var input = new byte[before + secretBytes.Length + random.Next(3)];
        random.NextBytes(input);
        secretBytes.CopyTo(input, before);
        var encoded = Convert.ToBase64String(input);
        if (url)
        {
            encoded = encoded.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }

        core = (((8 * before) + 5) / 6)..(8 * (before + secretBytes.Length) / 6);
        return Encoding.ASCII.GetBytes(encoded);
    }

    private static byte[] Hex(string secret, bool upper, out Range core)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        var hex = upper ? Convert.ToHexString(bytes) : Convert.ToHexStringLower(bytes);
        core = ..hex.Length;
        return Encoding.ASCII.GetBytes(hex);
    }
}
