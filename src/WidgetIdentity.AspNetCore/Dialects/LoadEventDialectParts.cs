namespace WidgetIdentity.Dialects;

/// <summary>
/// What the Intercom, Zendesk and Chatbase dialects share: calls made on the window's load event (by then the vendor's own
/// snippet has defined its queue, whether it stands before or after the tag).
/// </summary>
internal static class LoadEventDialectParts
{
    /// <summary>Opens a listener for the window's load event; the calls that follow are indented by two spaces.</summary>
    public const string OnLoad = "window.addEventListener(\"load\", function () {\n  ";

    /// <summary>Closes the listener <see cref="OnLoad"/> opened.</summary>
    public const string EndOnLoad = "\n});";
}
