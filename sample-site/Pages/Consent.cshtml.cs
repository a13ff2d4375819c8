using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SampleSite.Pages;

public sealed class ConsentModel : PageModel
{
    public bool CanTrack => HttpContext.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? true;

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? returnUrl)
    {
        HttpContext.Features.Get<ITrackingConsentFeature>()?.GrantConsent();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
