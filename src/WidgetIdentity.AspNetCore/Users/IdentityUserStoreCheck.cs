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
    public ValidateOptionsResult Validate(string? name, WidgetIdentityOptions options)
    {
        var user = typeof(TUser).Name;
        if (!services.IsService(typeof(UserManager<TUser>)))
        {
            return ValidateOptionsResult.Fail(
                $"AddWidgetUserProfile<{user}>() loads the user with ASP.NET Core Identity's UserManager<{user}>, which is not registered. "
                + $"Add Identity for {user}: builder.Services.AddIdentity<{user}, IdentityRole>().AddEntityFrameworkStores<YourDbContext>(); "
                + $"or builder.Services.AddDefaultIdentity<{user}>().AddEntityFrameworkStores<YourDbContext>().");
        }

        if (!services.IsService(typeof(IUserStore<TUser>)))
        {
            return ValidateOptionsResult.Fail(
                $"AddWidgetUserProfile<{user}>() loads the user from Identity's user store, and no IUserStore<{user}> is registered. "
                + "Add one after AddIdentity/AddDefaultIdentity: .AddEntityFrameworkStores<YourDbContext>() (or .AddUserStore<YourStore>()).");
        }

        return ValidateOptionsResult.Success;
    }
}
