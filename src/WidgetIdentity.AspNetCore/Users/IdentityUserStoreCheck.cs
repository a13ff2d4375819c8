using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WidgetIdentity.Users;

/// <summary>
/// Fails start-up, with what to add, when <c>AddWidgetUserProfile&lt;TUser&gt;()</c> has no ASP.NET Core Identity
/// <see cref="UserManager{TUser}"/> or user store to load <typeparamref name="TUser"/> from. Checked at start-up rather
/// than at registration, since Identity may be added after WidgetIdentity.
/// </summary>
internal sealed class IdentityUserStoreCheck<TUser>(IServiceProviderIsService services) : IValidateOptions<WidgetIdentityOptions>
    where TUser : class
{
    private const string EntityFrameworkStoresPackage = "Microsoft.AspNetCore.Identity.EntityFrameworkCore";

    public ValidateOptionsResult Validate(string? name, WidgetIdentityOptions options)
    {
        var user = typeof(TUser).Name;
        if (!services.IsService(typeof(UserManager<TUser>)))
        {
            return ValidateOptionsResult.Fail(
                $"AddWidgetUserProfile<{user}>() loads the user with ASP.NET Core Identity's UserManager<{user}>, which is not registered. "
                + "If the app registers Identity for another user type, name that one (an app made with `dotnet new webapp --auth Individual` "
                + "registers IdentityUser: AddWidgetUserProfile<IdentityUser>(...)). "
                + $"Otherwise register Identity for {user} before builder.Build(): "
                + $"builder.Services.AddIdentity<{user}, IdentityRole>().AddEntityFrameworkStores<YourDbContext>(); "
                + $"(using Microsoft.AspNetCore.Identity; AddEntityFrameworkStores is in the package {EntityFrameworkStoresPackage}, "
                + $"and YourDbContext derives from IdentityDbContext<{user}>, registered with builder.Services.AddDbContext<YourDbContext>(...)).");
        }

        if (!services.IsService(typeof(IUserStore<TUser>)))
        {
            return ValidateOptionsResult.Fail(
                $"AddWidgetUserProfile<{user}>() loads the user from Identity's user store, and no IUserStore<{user}> is registered. "
                + "Add one after AddIdentity/AddIdentityCore: .AddEntityFrameworkStores<YourDbContext>() "
                + $"(in the package {EntityFrameworkStoresPackage}), or .AddUserStore<YourStore>().");
        }

        return ValidateOptionsResult.Success;
    }
}
