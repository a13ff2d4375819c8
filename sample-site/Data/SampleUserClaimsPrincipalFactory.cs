using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SampleSite.Data;

/// <summary>
/// Adds the claims <c>&lt;chat-widget-user /&gt;</c> reads, for the fields the user has: given name, surname, a full
/// <c>name</c> and the <c>picture</c> URL (Identity's own <c>ClaimTypes.Name</c> holds the user name, so
/// <c>WidgetIdentity:Claims:Name</c> points the widget at <c>name</c>). Identity already adds the id, and the email
/// where there is one. A user without names gets no name claims at all, as from an identity provider that sends none.
/// </summary>
public sealed class SampleUserClaimsPrincipalFactory(
    UserManager<SampleUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SampleUser, IdentityRole>(userManager, roleManager, options)
{
    public const string FullNameClaimType = "name";

    public const string PictureClaimType = "picture";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SampleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        AddIfGiven(identity, ClaimTypes.GivenName, user.FirstName);
        AddIfGiven(identity, ClaimTypes.Surname, user.LastName);
        AddIfGiven(identity, FullNameClaimType, user.FullName);
        AddIfGiven(identity, PictureClaimType, user.AvatarUrl);
        return identity;
    }

    private static void AddIfGiven(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
