using WidgetIdentity.AutoInclude;

namespace Microsoft.AspNetCore.Http;

/// <summary>Per-request control of the widget that <c>WidgetIdentity:AutoInclude</c> writes into every page.</summary>
public static class ChatWidgetHttpContextExtensions
{
    /// <summary>
    /// Leaves the auto-included widget out of this response: call it from an action, a page handler, middleware, or the
    /// markup itself (<c>@{ HttpContext.SkipChatWidget(); }</c> in a Razor Page, <c>@{ Context.SkipChatWidget(); }</c> in
    /// an MVC view or layout). A <c>&lt;chat-widget-user /&gt;</c> written in the page still renders.
    /// </summary>
    public static void SkipChatWidget(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AutoIncludeOptOut.Skip(context);
    }
}
