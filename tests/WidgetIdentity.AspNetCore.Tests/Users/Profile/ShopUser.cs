using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace WidgetIdentity.Tests.Users.Profile;

/// <summary>An app's Identity user with profile fields the widget takes.</summary>
public sealed class ShopUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public string? AvatarUrl { get; set; }

    public string? City { get; set; }

    public string? Plan { get; set; }
}

public sealed class ShopDb(DbContextOptions<ShopDb> options) : IdentityDbContext<ShopUser>(options);
