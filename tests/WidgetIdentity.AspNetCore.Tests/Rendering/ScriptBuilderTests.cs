using System.Text;
using System.Text.Json;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

public sealed class ScriptBuilderTests
{
    public static TheoryData<string> HostileStrings() => new()
    {
        "</script><script>alert(1)</script>",
        "</SCRIPT >",
        "<!--<script>",
        "Zoë \"quoted\" O'Brien & sons",
        "back\\slash\\\"",
        "line\u2028separator\u2029paragraph",
        "nul\0 bell\a tab\t newline\n cr\r",
        "\u202Eright-to-left override",
        "emoji 🎉👩‍💻 and 日本語 and العربية",
        "${alert(1)} `template`",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void A_string_round_trips_exactly_through_the_json_literal(string value)
    {
        var literal = WriteString(value);

        Assert.Equal(value, JsonSerializer.Deserialize<string>(literal));
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void A_string_literal_contains_nothing_that_can_end_the_script_or_the_string(string value)
    {
        var inner = WriteString(value)[1..^1];

        Assert.DoesNotContain('<', inner);
        Assert.DoesNotContain('>', inner);
        Assert.DoesNotContain('&', inner);
        Assert.DoesNotContain('\'', inner);
        Assert.DoesNotContain('\u2028', inner);
        Assert.DoesNotContain('\u2029', inner);
        Assert.DoesNotMatch("(?<!\\\\)\"", inner.Replace("\\\\", "", StringComparison.Ordinal));
        Assert.DoesNotContain(inner, c => c < 0x20);
    }

    [Fact]
    public void Non_latin_letters_stay_readable_and_are_not_html_encoded()
    {
        var literal = WriteString("Zoë 日本語");

        Assert.Equal("\"Zoë 日本語\"", literal);
    }

    [Fact]
    public void Lone_surrogates_become_the_replacement_character_instead_of_failing_the_page()
    {
        // Plain Fact: xunit's theory serialization would itself mangle lone surrogates.
        Assert.Equal("lone high \uFFFD end", JsonSerializer.Deserialize<string>(WriteString("lone high \uD83D end")));
        Assert.Equal("lone low \uFFFD", JsonSerializer.Deserialize<string>(WriteString("lone low \uDC00")));
        Assert.Equal("pair 🎉 kept", JsonSerializer.Deserialize<string>(WriteString("pair 🎉 kept")));
    }

    [Fact]
    public void Object_leaves_out_null_fields_and_keeps_field_order()
    {
        var text = new StringBuilder();
        new ScriptBuilder(text).Object([("a", "1"), ("b", null), ("c", "3")]);

        Assert.Equal("{\"a\":\"1\",\"c\":\"3\"}", text.ToString());
    }

    [Fact]
    public void Fields_write_nested_arrays_objects_numbers_and_booleans_as_json_and_escape_every_string()
    {
        var text = new StringBuilder();
        new ScriptBuilder(text).Fields(
        [
            ("set", new object?[] { "user:email", new object?[] { "</script>", "ab12" } }),
            ("count", 3L), ("ratio", 0.5), ("ok", true), ("none", null),
            ("data", new Dictionary<string, object?> { ["plan"] = "<b>" }),
        ]);

        Assert.Equal(
            """{"set":["user:email",["\u003C/script\u003E","ab12"]],"count":3,"ratio":0.5,"ok":true,"data":{"plan":"\u003Cb\u003E"}}""",
            text.ToString());
    }

    [Fact]
    public void Attributes_leave_out_null_values_while_arrays_keep_null_items_and_false_stays_false()
    {
        var text = new StringBuilder();
        new ScriptBuilder(text).Attributes(new Dictionary<string, object?>
        {
            ["gone"] = null, ["trial"] = false, ["tags"] = new object?[] { null, "vip", null }, ["score"] = -2.25, ["big"] = 12345678901234m,
        });

        Assert.Equal("""{"trial":false,"tags":[null,"vip",null],"score":-2.25,"big":12345678901234}""", text.ToString());
    }

    [Fact]
    public void A_finite_float_is_written_as_a_number()
    {
        var text = new StringBuilder();
        new ScriptBuilder(text).Literal(1.5f);

        Assert.Equal("1.5", text.ToString());
    }

    [Fact]
    public void A_value_with_no_json_form_is_refused_rather_than_written()
    {
        Assert.Throws<ArgumentException>(() => new ScriptBuilder(new StringBuilder()).Literal(double.NaN));
        Assert.Throws<ArgumentException>(() => new ScriptBuilder(new StringBuilder()).Literal(new object()));
    }

    [Fact]
    public void Every_integer_type_and_decimal_is_written_as_a_number()
    {
        var text = new StringBuilder();
        new ScriptBuilder(text).Literal(new object[] { (byte)1, (sbyte)-2, (short)-3, (ushort)4, 5, 6u, 7L, 8UL, 9.5m });

        Assert.Equal("[1,-2,-3,4,5,6,7,8,9.5]", text.ToString());
    }

    [Fact]
    public void A_refused_value_says_why()
    {
        var infinite = Assert.Throws<ArgumentException>(() => new ScriptBuilder(new StringBuilder()).Literal(double.PositiveInfinity));
        var other = Assert.Throws<ArgumentException>(() => new ScriptBuilder(new StringBuilder()).Literal(new object()));

        Assert.StartsWith("A number that is not finite has no JSON form.", infinite.Message, StringComparison.Ordinal);
        Assert.StartsWith("A Object is not a value this package writes into a script.", other.Message, StringComparison.Ordinal);
    }

    private static string WriteString(string value)
    {
        var text = new StringBuilder();
        new ScriptBuilder(text).String(value);
        return text.ToString();
    }
}
