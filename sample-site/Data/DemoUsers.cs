using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SampleSite.Data;

/// <summary>Creates the database on first run and, where configured (Development), the demo users.</summary>
public static class DemoUsers
{
    /// <summary>The password of every demo user. Demo only: these accounts exist only where SampleSite:SeedDemoUsers is true.</summary>
    public const string Password = "Demo-Passw0rd!";

    /// <summary>
    /// The demo users. Zoë's name is hostile on purpose: quotes, <c>&lt;/script&gt;</c>, non-Latin letters,
    /// an emoji and U+2028, stored exactly as written, to show the widget data survives any name.
    /// </summary>
    public static IReadOnlyList<SampleUser> All { get; } =
    [
        new() { Id = "1", UserName = "jane@example.com", Email = "jane@example.com", FirstName = "Jane", LastName = "Doe" },
        new() { Id = "2", UserName = "bob@example.com", Email = "bob@example.com", FirstName = "Bob", LastName = "Smith" },
        new()
        {
            Id = "3",
            UserName = "zoe@example.com",
            Email = "zoe@example.com",
            FirstName = "Zoë \"</script><script>alert(1)</script>",
            LastName = "O'Brien 日本語 🎉 \u2028",
        },
    ];

    public static async Task InitializeAsync(IServiceProvider services, bool seedDemoUsers)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        await db.Database.EnsureCreatedAsync();
        if (!seedDemoUsers)
        {
            return;
        }

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<SampleUser>>();
        foreach (var demo in All)
        {
            if (await userManager.Users.AnyAsync(user => user.Id == demo.Id))
            {
                continue;
            }

            var user = new SampleUser
            {
                Id = demo.Id,
                UserName = demo.UserName,
                Email = demo.Email,
                EmailConfirmed = true,
                FirstName = demo.FirstName,
                LastName = demo.LastName,
            };
            var result = await userManager.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the demo user {demo.Email}: {string.Join(" ", result.Errors.Select(error => error.Description))}");
            }
        }
    }
}
