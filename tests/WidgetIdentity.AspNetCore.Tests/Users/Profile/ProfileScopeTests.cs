using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Users.Profile;

/// <summary>
/// A Blazor page's components run their lifecycles interleaved on one request: a layout that awaits a query on the
/// request's DbContext while the widget loads the user row would make EF Core throw ("a second operation was started on
/// this context"). The widget never uses the request's user store.
/// </summary>
public sealed class ProfileScopeTests
{
    [Fact]
    public async Task The_user_row_is_loaded_through_a_store_of_its_own_not_the_one_the_requests_components_share()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WidgetIdentity:Secret"] = "profile-scope-tests-secret-2b8d",
        }).Build());
        services.AddIdentityCore<ShopUser>();
        services.AddScoped<IUserStore<ShopUser>, RecordingUserStore>();
        services.AddWidgetIdentity().AddWidgetUserProfile<ShopUser>(profile => profile.Name = user => user.DisplayName);
        await using var provider = services.BuildServiceProvider();
        await using var request = provider.CreateAsyncScope();
        var context = new DefaultHttpContext
        {
            RequestServices = request.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "7")], "Test")),
        };

        var user = await request.ServiceProvider.GetRequiredService<IWidgetUserResolver>().ResolveAsync(context, new WidgetClaimOptions());

        Assert.Equal("Ada Lovelace", user?.Name); // the row was read
        var requestStore = (RecordingUserStore)request.ServiceProvider.GetRequiredService<IUserStore<ShopUser>>();
        Assert.Equal(0, requestStore.Finds);
        Assert.Equal(1, RecordingUserStore.AllFinds());
    }

    /// <summary>A user store that serves one user and counts, per instance and per test, the rows it was asked for.</summary>
    private sealed class RecordingUserStore : IUserStore<ShopUser>
    {
        private static readonly AsyncLocal<StrongBox<int>> Total = new();

        public RecordingUserStore() => Total.Value ??= new StrongBox<int>();

        public int Finds { get; private set; }

        public static int AllFinds() => Total.Value?.Value ?? 0;

        public Task<ShopUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
        {
            Finds++;
            Total.Value!.Value++;
            return Task.FromResult<ShopUser?>(userId == "7" ? new ShopUser { Id = "7", DisplayName = "Ada Lovelace" } : null);
        }

        public Task<ShopUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => Task.FromResult<ShopUser?>(null);

        public Task<string> GetUserIdAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

        public Task<string?> GetUserNameAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

        public Task SetUserNameAsync(ShopUser user, string? userName, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string?> GetNormalizedUserNameAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);

        public Task SetNormalizedUserNameAsync(ShopUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IdentityResult> CreateAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public Task<IdentityResult> UpdateAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public Task<IdentityResult> DeleteAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(IdentityResult.Success);

        public void Dispose()
        {
        }
    }
}
