using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SampleSite.Data;

/// <summary>
/// Adds the claims <c>&lt;chat-widget-user /&gt;</c> reads: given name, surname and a full <c>name</c>
/// (Identity's own <c>ClaimTypes.Name</c> holds the user name, which here is the email address, so
/// <c>WidgetIdentity:Claims:Name</c> points the widget at <c>name</c>). Identity already adds the id and email.
/// </summary>
public sealed class SampleUserClaimsPrincipalFactory(
    UserManager<SampleUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SampleUser, IdentityRole>(userManager, roleManager, options)
{
    public const string FullNameClaimType = "name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SampleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.FirstName));
        identity.AddClaim(new Claim(ClaimTypes.Surname, user.LastName));
        identity.AddClaim(new Claim(FullNameClaimType, user.FullName));
        return identity;
    }
}
