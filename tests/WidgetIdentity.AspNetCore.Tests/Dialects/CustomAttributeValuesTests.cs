using WidgetIdentity.Dialects;
using WidgetIdentity.Users;
using static WidgetIdentity.Tests.Dialects.DialectTestKit;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>
/// The custom attribute values every dialect shares, seen in the script a vendor's SDK reads (Front's <c>customFields</c>, a JSON
/// object): whole numbers of any size as JSON numbers, dates as ISO 8601 text, blank text left out.
/// </summary>
public sealed class CustomAttributeValuesTests
{
    private static readonly VendorDialect Front = VendorDialects.FrontChat;

    [Fact]
    public void Whole_numbers_of_every_size_are_written_as_json_numbers()
    {
        var attributes = new Dictionary<string, object?>
        {
            ["byte"] = (byte)255, ["sbyte"] = (sbyte)-128, ["short"] = (short)-32768, ["ushort"] = (ushort)65535,
        };

        var (_, issues) = Conform(new WidgetUser("7") { CustomAttributes = attributes }, Widget(Front, "chat"));

        Assert.Contains(
            "\"customFields\":{\"byte\":255,\"sbyte\":-128,\"short\":-32768,\"ushort\":65535}",
            Render(new WidgetUser("7") { CustomAttributes = attributes }, Widget(Front, "chat")));
        Assert.Equal("", issues);
    }

    [Fact]
    public void A_date_time_is_written_as_round_trip_iso_8601_text()
    {
        var user = new WidgetUser("7")
        {
            CustomAttributes = new Dictionary<string, object?> { ["since"] = new DateTime(2024, 5, 1, 13, 30, 0, DateTimeKind.Utc) },
        };

        Assert.Contains("\"customFields\":{\"since\":\"2024-05-01T13:30:00.0000000Z\"}", Render(user, Widget(Front, "chat")));
    }

    [Fact]
    public void Blank_text_is_left_out_and_reported_as_blank_not_as_a_value_of_the_wrong_type()
    {
        var user = new WidgetUser("7") { CustomAttributes = new Dictionary<string, object?> { ["note"] = "  ", ["plan"] = "gold" } };

        var (_, issues) = Conform(user, Widget(Front, "chat"));

        Assert.Contains("\"customFields\":{\"plan\":\"gold\"}", Render(user, Widget(Front, "chat")));
        Assert.Equal("the custom attribute \"note\" is blank text, so it was left out", issues);
    }
}
