namespace WidgetIdentity.Rendering;

/// <summary>
/// Replaces lone UTF-16 surrogates with U+FFFD, the character UTF-8 encoding (and so the vendor's hash check)
/// sees in their place, so any claim value can be written and signed instead of failing the page.
/// </summary>
internal static class WellFormedText
{
    public static string From(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return value;
        }

        char[]? repaired = null;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                repaired ??= value.ToCharArray();
                repaired[i] = '\uFFFD';
            }
        }

        return repaired is null ? value : new string(repaired);
    }
}
