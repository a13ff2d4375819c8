using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace WidgetIdentity.Rendering;

/// <summary>
/// Builds inline script text in which every value is a JSON string literal that cannot end the script element or
/// the string: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes, U+2028/U+2029 and control characters are
/// <c>\uXXXX</c>-escaped. Values are never HTML-encoded: the browser does not decode entities inside a script.
/// </summary>
internal sealed class ScriptBuilder
{
    // Letters of every script stay readable; the encoder still escapes HTML-sensitive characters, controls and
    // the line/paragraph separators that old JavaScript engines treat as line ends.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    // Printable ASCII that is inert inside a JSON string in a script (the encoder leaves all but '+' alone, and escapes '+'
    // only out of old caution about UTF-7): a value made only of these is written as it is, unencoded.
    private static readonly SearchValues<char> NeedsNoEscaping =
        SearchValues.Create(" !#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly StringBuilder _text;

    public ScriptBuilder(StringBuilder text) => _text = text;

    /// <summary>Appends trusted script text (constants of this package only).</summary>
    public ScriptBuilder Raw(string trusted)
    {
        _text.Append(trusted);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string literal.</summary>
    public ScriptBuilder String(string value)
    {
        _text.Append('"');
        if (value.AsSpan().ContainsAnyExcept(NeedsNoEscaping))
        {
            _text.Append(JsonEncodedText.Encode(WellFormedText.From(value), Encoder).Value);
        }
        else
        {
            _text.Append(value);
        }

        _text.Append('"');
        return this;
    }

    /// <summary>
    /// Appends a JSON object of string fields, leaving out the fields whose value is <see langword="null"/>. Field
    /// names are this package's constants (plain ASCII) and are written as they are.
    /// </summary>
    public ScriptBuilder Object(ReadOnlySpan<(string Name, string? Value)> fields)
    {
        var first = true;
        _text.Append('{');
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                ConstantName(ref first, name).String(value);
            }
        }

        _text.Append('}');
        return this;
    }

    /// <summary>
    /// Appends a JSON object of custom attributes: names and string values as JSON string literals, booleans and numbers
    /// as JSON literals. Values are those <see cref="Dialects.CustomAttributeValues"/> admitted; <see langword="null"/> ones are left out.
    /// </summary>
    public ScriptBuilder Attributes(IReadOnlyDictionary<string, object?> attributes)
    {
        var first = true;
        _text.Append('{');
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                Separator(ref first).String(name);
                _text.Append(':');
                Literal(value);
            }
        }

        _text.Append('}');
        return this;
    }

    /// <summary>
    /// Appends a JSON object whose field names are this package's constants (plain ASCII, written as they are) and whose
    /// values are any <see cref="Literal"/>; fields whose value is <see langword="null"/> are left out.
    /// </summary>
    public ScriptBuilder Fields(ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var first = true;
        _text.Append('{');
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                ConstantName(ref first, name).Literal(value);
            }
        }

        _text.Append('}');
        return this;
    }

    // A comma before every member but the first.
    private ScriptBuilder Separator(ref bool first)
    {
        if (!first)
        {
            _text.Append(',');
        }

        first = false;
        return this;
    }

    // A field name that is one of this package's constants (plain ASCII), written as it is, and its colon.
    private ScriptBuilder ConstantName(ref bool first, string name)
    {
        Separator(ref first);
        _text.Append('"').Append(name).Append("\":");
        return this;
    }

    /// <summary>
    /// Appends <paramref name="value"/> as a JSON literal: a string as an escaped string literal, a boolean or finite number
    /// as itself, a dictionary as an object (see <see cref="Attributes"/>), any other sequence as an array.
    /// </summary>
    /// <exception cref="ArgumentException">The value is of another type, or a number that is not finite.</exception>
    public ScriptBuilder Literal(object value)
    {
        switch (value)
        {
            case string text:
                String(text);
                break;
            case bool flag:
                _text.Append(flag ? "true" : "false");
                break;
            case double real when double.IsFinite(real):
                _text.Append(real.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float single when float.IsFinite(single):
                _text.Append(single.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float or double:
                throw new ArgumentException("A number that is not finite has no JSON form.", nameof(value));
            case IReadOnlyDictionary<string, object?> dictionary:
                Attributes(dictionary);
                break;
            case System.Collections.IEnumerable sequence:
                _text.Append('[');
                var first = true;
                foreach (var item in sequence)
                {
                    if (!first)
                    {
                        _text.Append(',');
                    }

                    first = false;
                    if (item is null)
                    {
                        _text.Append("null");
                    }
                    else
                    {
                        Literal(item);
                    }
                }

                _text.Append(']');
                break;
            case IFormattable number when value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal:
                _text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} is not a value this package writes into a script.", nameof(value));
        }

        return this;
    }
}
