using System.Text.Json;
using System.Text.Json.Nodes;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>JSON read with <see cref="BrowserPage.ReadExactAsync"/> as plain JSON nodes, and comparisons of such values.</summary>
public static class ExactJson
{
    /// <summary>The value with every string decoded to the UTF-16 code units the page held (lone surrogates included).</summary>
    public static JsonNode? Decode(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonValue.Create(BrowserPage.Text(value)),
        JsonValueKind.Object => new JsonObject(value.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, Decode(property.Value)))),
        JsonValueKind.Array => new JsonArray([.. value.EnumerateArray().Select(Decode)]),
        _ => JsonNode.Parse(value.GetRawText()),
    };

    /// <summary>
    /// Asserts <paramref name="actual"/> is <paramref name="expected"/> (any value <see cref="JsonSerializer"/> writes, e.g. an
    /// anonymous object or a dictionary) as JSON: the same values, objects' keys in any order.
    /// </summary>
    public static void Equal(object? expected, JsonNode? actual)
    {
        var wanted = JsonSerializer.SerializeToNode(expected);
        Assert.True(JsonNode.DeepEquals(wanted, actual), $"Expected {wanted?.ToJsonString()}\nbut got  {actual?.ToJsonString()}");
    }
}
