namespace WidgetIdentity;

/// <summary>
/// Leaves the widget that <see cref="WidgetIdentityOptions.AutoInclude"/> writes out of the pages of a controller, an
/// action, a Razor Page (<c>@attribute [WidgetIdentity.SkipChatWidget]</c>) or a page model. A
/// <c>&lt;chat-widget-user /&gt;</c> written in the page itself still renders.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SkipChatWidgetAttribute : Attribute
{
}
