namespace WidgetIdentity.Guard.Scanning;

/// <summary>One escape form (see <see cref="EscapeForms"/>): its flag, its introducer byte and its spellings.</summary>
internal sealed class EscapeForm
{
    public EscapeForm(SecretForms form, byte introducer, EscapeSpelling[] spellings)
    {
        Form = form;
        Introducer = introducer;
        Spellings = spellings;
    }

    public SecretForms Form { get; }

    public byte Introducer { get; }

    /// <summary>Tried in order by the decoder; at most one can fit any input.</summary>
    public EscapeSpelling[] Spellings { get; } // an array, so that the decoder walks it without an enumerator

    public int MaxLength => Spellings.Max(static s => s.MaxLength);

    /// <summary>The bytes that can follow the introducer in an escape of this form that stands for (or begins with) a byte marked in <paramref name="targets"/>.</summary>
    public byte[] SecondBytes(bool[] targets)
    {
        var second = new HashSet<byte>();
        foreach (var spelling in Spellings)
        {
            if (spelling.IsNamed)
            {
                if (spelling.Stands is { } b && targets[b])
                {
                    second.Add(spelling.Text[0]);
                }
            }
            else if (spelling.Text.Length > 0)
            {
                second.Add(spelling.Text[0]);
            }
            else
            {
                // The first digit: of the byte itself for a fixed-width byte escape, any digit otherwise.
                var fixedByte = spelling.Value == EscapeValue.Byte && spelling.MinDigits == spelling.MaxDigits;
                var leading = (int)Math.Pow(spelling.Radix, spelling.MaxDigits - 1);
                foreach (var digit in spelling.Digits())
                {
                    var value = spelling.DigitValue(digit);
                    if (!fixedByte || Enumerable.Range(0, 256).Any(b => targets[b] && b / leading == value))
                    {
                        second.Add(digit);
                    }
                }
            }
        }

        return [.. second];
    }

    /// <summary>
    /// Marks the bytes other than the introducer that an escape of this form can hold when it stands for a byte
    /// marked in <paramref name="targets"/>: an occurrence that starts at such a byte cannot start with an escape.
    /// </summary>
    public void MarkInnerBytes(bool[] inner, bool[] targets)
    {
        foreach (var spelling in Spellings)
        {
            if (spelling.IsNamed)
            {
                if (spelling.Stands is not { } b || !targets[b])
                {
                    continue;
                }
            }
            else
            {
                foreach (var digit in spelling.Digits())
                {
                    inner[digit] = true;
                }

                if (spelling.Terminator != 0)
                {
                    inner[spelling.Terminator] = true;
                }
            }

            foreach (var b in spelling.Text)
            {
                inner[b] = true;
            }
        }
    }
}
