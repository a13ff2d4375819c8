using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WidgetIdentity;

namespace WidgetIdentity.GuardTestSite.Controllers;

public class HomeController(IOptions<WidgetIdentityOptions> options) : Controller
{
    // A careless view that renders the named widget's secret (HTML-encoded by Razor).
    public IActionResult Index() => View(model: options.Value.Widgets["support"].Secret);

    // The root widget for user 42, signed with the current secret.
    public IActionResult Widget() => View();
}
