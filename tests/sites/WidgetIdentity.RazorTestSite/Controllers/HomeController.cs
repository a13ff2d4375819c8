using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace WidgetIdentity.RazorTestSite.Controllers;

public class HomeController(ICompositeViewEngine viewEngine) : Controller
{
    // The shared layout, which has no <chat-widget-user />.
    public IActionResult Index() => View();

    // _TagLayout, which writes <chat-widget-user /> at the end of its body.
    public IActionResult WithTag() => View();

    public IActionResult SkippedInAction()
    {
        HttpContext.SkipChatWidget();
        return View("Skipped");
    }

    [SkipChatWidget]
    public IActionResult SkippedByAttribute() => View("Skipped");

    // A fragment for a fetch() call: no layout, no <body>.
    public IActionResult Fragment() => PartialView();

    // An email body rendered to a string during the action (it has a <body>), sent back as text.
    public async Task<IActionResult> Email()
    {
        var view = viewEngine.FindView(ControllerContext, "Email", isMainPage: true).View
            ?? throw new InvalidOperationException("Views/Home/Email.cshtml is missing.");
        await using var writer = new StringWriter();
        await view.RenderAsync(new ViewContext(ControllerContext, view, ViewData, TempData, writer, new HtmlHelperOptions()));
        return Content(writer.ToString(), "text/plain");
    }
}
