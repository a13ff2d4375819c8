using System.Text.Json;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>What a Chatwoot-style SDK stand-in recorded on one page (read with <see cref="BrowserPage.ReadExactAsync"/>).</summary>
public sealed class StandInRecord(JsonElement record)
{
    /// <summary>The <c>setUser</c> calls that reached the widget frame, in order.</summary>
    public IReadOnlyList<ReceivedUser> Users =>
        [.. Received("set-user").Select(message => new ReceivedUser(
            BrowserPage.Text(message.GetProperty("identifier")),
            BrowserPage.Fields(message.GetProperty("user")),
            BrowserPage.Text(message.GetProperty("conversation"))))];

    /// <summary>The <c>setCustomAttributes</c> objects that reached the widget frame, in order.</summary>
    public IReadOnlyList<JsonElement> CustomAttributes => [.. Received("set-custom-attributes").Select(message => message.GetProperty("attributes"))];

    /// <summary>Every message that reached the widget frame, by type (<c>set-user</c>, <c>set-custom-attributes</c>).</summary>
    public IReadOnlyList<string> MessageTypes => [.. record.GetProperty("received").EnumerateArray().Select(message => BrowserPage.Text(message.GetProperty("type")))];

    /// <summary>The messages of the errors the SDK threw.</summary>
    public IReadOnlyList<string> Errors => [.. record.GetProperty("errors").EnumerateArray().Select(BrowserPage.Text)];

    /// <summary>How many messages were sent while the frame was reloading, and so never arrived.</summary>
    public int Lost => record.GetProperty("lost").GetArrayLength();

    /// <summary>Each load of the widget frame on this page.</summary>
    public IReadOnlyList<FrameLoad> Loads =>
        [.. record.GetProperty("loads").EnumerateArray().Select(load => new FrameLoad(
            load.GetProperty("carried").ValueKind == JsonValueKind.Null ? null : BrowserPage.Text(load.GetProperty("carried")),
            BrowserPage.Text(load.GetProperty("token")),
            load.GetProperty("resumed").GetBoolean()))];

    public int Resets => record.GetProperty("resets").GetInt32();

    /// <summary>The number of calls on the SDK object, whatever their outcome.</summary>
    public int Calls => record.GetProperty("calls").GetArrayLength();

    private IEnumerable<JsonElement> Received(string type) =>
        record.GetProperty("received").EnumerateArray().Where(message => BrowserPage.Text(message.GetProperty("type")) == type);
}

/// <summary>A <c>setUser</c> call as the widget frame received it, and the conversation it was attached to.</summary>
public sealed record ReceivedUser(string Identifier, IReadOnlyList<KeyValuePair<string, string>> Fields, string Conversation)
{
    /// <summary>The identifier, as a field named <c>id</c>, then the user's fields in order.</summary>
    public IEnumerable<(string Name, string Value)> IdAndFields() => [("id", Identifier), .. Fields.Select(field => (field.Key, field.Value))];
}

/// <summary>A load of the widget frame: the conversation token its URL carried, and the one the server gave it.</summary>
public sealed record FrameLoad(string? Carried, string Token, bool Resumed);
