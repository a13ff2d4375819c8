using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SampleSite.Data;

/// <summary>Creates the database on first run and, where configured (Development), the demo users.</summary>
public static class DemoUsers
{
    /// <summary>The password of every demo user. Demo only: these accounts exist only where SampleSite:SeedDemoUsers is true.</summary>
    public const string Password = "Demo-Passw0rd!";

    /// <summary>
    /// The demo users. Zoë's name is hostile on purpose: quotes, <c>&lt;/script&gt;</c>, non-Latin letters, an emoji
    /// and U+2028, stored exactly as written, to show the widget data survives any name. The last three have less
    /// than a widget usually gets: only an id (a shared kiosk account), only an email, and only a picture (like an
    /// account from a single sign-on provider that sends just <c>sub</c> and <c>picture</c>).
    /// </summary>
    public static IReadOnlyList<SampleUser> All { get; } =
    [
        new()
        {
            Id = "1",
            UserName = "jane@example.com",
            Email = "jane@example.com",
            FirstName = "Jane",
            LastName = "Doe",
            AvatarUrl = "https://example.com/avatars/jane.png",
        },
        new() { Id = "2", UserName = "bob@example.com", Email = "bob@example.com", FirstName = "Bob", LastName = "Smith" },
        new()
        {
            Id = "3",
            UserName = "zoe@example.com",
            Email = "zoe@example.com",
            FirstName = "Zoë \"</script><script>alert(1)</script>",
            LastName = "O'Brien 日本語 🎉 \u2028",
        },
        new() { Id = "4", UserName = "kiosk-7" },
        new() { Id = "5", UserName = "sam@example.com", Email = "sam@example.com" },
        new() { Id = "6", UserName = "sso-4f9c2e", AvatarUrl = "https://example.com/avatars/sso-4f9c2e.png" },
    ];

    /// <summary>What a demo user types into the login form: the email where they have one, else the user name.</summary>
    public static string Login(SampleUser user) => user.Email ?? user.UserName!;

    /// <summary>The user's full name, or what they lack, e.g. <c>(no name, no email; a picture)</c>.</summary>
    public static string Describe(SampleUser user)
    {
        if (user.FullName.Length > 0)
        {
            return user.FullName;
        }

        var lacks = user.Email is null ? "no name, no email" : "no name";
        return user.AvatarUrl is null ? $"({lacks})" : $"({lacks}; a picture)";
    }

    public static async Task InitializeAsync(IServiceProvider services, bool seedDemoUsers)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        var created = await db.Database.EnsureCreatedAsync();
        if (!seedDemoUsers)
        {
            return;
        }

        if (!created && !await HasCurrentSchemaAsync(db))
        {
            // A demo database made by an earlier version of this sample (EnsureCreated never alters tables): it holds
            // only the demo users, so it is made again.
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
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
                EmailConfirmed = demo.Email is not null,
                FirstName = demo.FirstName,
                LastName = demo.LastName,
                AvatarUrl = demo.AvatarUrl,
            };
            var result = await userManager.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the demo user {Login(demo)}: {string.Join(" ", result.Errors.Select(error => error.Description))}");
            }
        }
    }

    /// <summary>Whether the users table has a column for every property the model maps.</summary>
    private static async Task<bool> HasCurrentSchemaAsync(SampleDbContext db)
    {
        var users = db.Model.FindEntityType(typeof(SampleUser))!;
        var columns = await db.Database
            .SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({users.GetTableName()})")
            .ToListAsync();
        return users.GetProperties().All(property => columns.Contains(property.GetColumnName()));
    }
}
