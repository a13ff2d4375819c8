using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WidgetIdentity.RazorTestSite.Pages;

[SkipChatWidget]
public class SkippedByModelModel : PageModel
{
}
