using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Users.Profile;

/// <summary>What <c>AddWidgetUserProfile&lt;TUser&gt;</c> says when the app lacks what it needs.</summary>
public sealed class WidgetUserProfileRegistrationTests
{
    [Fact]
    public void Registering_without_AddWidgetIdentity_says_to_chain_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddWidgetUserProfile<ShopUser>(profile => profile.Name = user => user.DisplayName));

        Assert.Contains("builder.Services.AddWidgetIdentity().AddWidgetUserProfile<ShopUser>(...)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_without_any_field_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddWidgetIdentity().AddWidgetUserProfile<ShopUser>(_ => { }));

        Assert.Contains("maps no field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_without_Identity_names_the_call_that_adds_it()
    {
        var error = StartUpFailure(_ => { });

        Assert.Contains("UserManager<ShopUser>, which is not registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("If the app registers Identity for another user type, name that one", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddWidgetUserProfile<IdentityUser>(...)", error.Message, StringComparison.Ordinal); // what `--auth Individual` registers
        Assert.Contains("Otherwise register Identity for ShopUser before builder.Build(): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("builder.Services.AddIdentity<ShopUser, IdentityRole>().AddEntityFrameworkStores<YourDbContext>()", error.Message, StringComparison.Ordinal);
        Assert.Contains("using Microsoft.AspNetCore.Identity;", error.Message, StringComparison.Ordinal);
        Assert.Contains("package Microsoft.AspNetCore.Identity.EntityFrameworkCore", error.Message, StringComparison.Ordinal);
        Assert.Contains("YourDbContext derives from IdentityDbContext<ShopUser>, registered with builder.Services.AddDbContext<YourDbContext>(...)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_with_Identity_but_no_user_store_names_the_store_to_add()
    {
        var error = StartUpFailure(services => services.AddIdentityCore<ShopUser>());

        Assert.Contains("no IUserStore<ShopUser> is registered", error.Message, StringComparison.Ordinal);
        Assert.Contains(".AddEntityFrameworkStores<YourDbContext>() (in the package Microsoft.AspNetCore.Identity.EntityFrameworkCore)", error.Message, StringComparison.Ordinal);
    }

    private static OptionsValidationException StartUpFailure(Action<IServiceCollection> identity)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WidgetIdentity:Secret"] = TestOptions.Secret,
            }).Build())
            .AddLogging();
        identity(services);
        services.AddWidgetIdentity().AddWidgetUserProfile<ShopUser>(profile => profile.Name = user => user.DisplayName);
        using var provider = services.BuildServiceProvider();

        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WidgetIdentityOptions>>().Value);
    }
}
