using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SampleSite.Data;

namespace SampleSite.Controllers;

/// <summary>An MVC controller and view, to show the layout's tag helper works for views as well as Razor Pages.</summary>
[Authorize]
public sealed class ProfileController(UserManager<SampleUser> userManager) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var user = await userManager.GetUserAsync(User);
        return user is null ? Challenge() : View(user);
    }
}
