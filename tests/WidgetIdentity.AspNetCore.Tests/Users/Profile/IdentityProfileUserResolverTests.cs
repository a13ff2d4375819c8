using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Users.Profile;

/// <summary>The profile resolver called the way a custom sign-in or a caller's mistake reaches it, with no database query.</summary>
public sealed class IdentityProfileUserResolverTests
{
    private readonly ListLoggerProvider _logs = new();

    [Fact]
    public async Task A_user_signed_in_without_Identitys_id_claim_gets_the_claims_and_a_warning_naming_that_claim()
    {
        await using var provider = Services();
        await using var request = provider.CreateAsyncScope();
        var context = new DefaultHttpContext
        {
            RequestServices = request.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("urn:shop:customer", "C-42"), new Claim(ClaimTypes.Email, "jane@example.com")], "Jwt")),
        };

        var user = await request.ServiceProvider.GetRequiredService<IWidgetUserResolver>()
            .ResolveAsync(context, new WidgetClaimOptions { UserId = "urn:shop:customer" });

        Assert.Equal(new WidgetUser("C-42") { Email = "jane@example.com" }, user);
        var warning = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal("ProfileWithoutIdentityUserId", warning.EventId.Name);
        Assert.Contains(ClaimTypes.NameIdentifier, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_claim_options_are_named_in_the_error()
    {
        await using var provider = Services();
        await using var request = provider.CreateAsyncScope();
        var resolver = request.ServiceProvider.GetRequiredService<IWidgetUserResolver>();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(
            async () => await resolver.ResolveAsync(new DefaultHttpContext { User = Principals.Anonymous }, null!));

        Assert.Equal("claimOptions", error.ParamName);
    }

    private ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = TestOptions.Secret,
        }).Build());
        services.AddDbContext<ShopDb>(options => options.UseSqlite("Data Source=:memory:"));
        services.AddIdentityCore<ShopUser>().AddEntityFrameworkStores<ShopDb>();
        services.AddWidgetIdentity().AddWidgetUserProfile<ShopUser>(profile => profile.Name = user => user.DisplayName);
        return services.BuildServiceProvider();
    }
}
