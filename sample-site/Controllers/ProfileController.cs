using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SampleSite.Data;

namespace SampleSite.Controllers;

/// <summary>
/// An MVC controller and view, to show the layout's tag helper works for views as well as Razor Pages. The user edits
/// their name here; the widget reads it from the database (see <see cref="SampleUserProfile"/>), so the next page shows it.
/// </summary>
[Authorize]
public sealed class ProfileController(UserManager<SampleUser> userManager) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var user = await userManager.GetUserAsync(User);
        return user is null ? Challenge() : View(user);
    }

    [HttpPost]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Index(string? firstName, string? lastName)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        user.FirstName = firstName ?? "";
        user.LastName = lastName ?? "";
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", string.Join(" ", result.Errors.Select(error => error.Description)));
            return View(user);
        }

        return RedirectToAction(nameof(Index)); // no sign-in refresh needed: the cookie does not carry the names
    }
}
