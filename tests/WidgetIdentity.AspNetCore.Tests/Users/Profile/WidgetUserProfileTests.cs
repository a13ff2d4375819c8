using System.Security.Claims;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Users.Profile;

/// <summary>
/// <c>AddWidgetUserProfile&lt;TUser&gt;</c> on a real Identity app (EF Core, SQLite, Identity's cookie): what the widget is told,
/// and how many database commands each page costs.
/// </summary>
public sealed class WidgetUserProfileTests
{
    private static readonly Action<WidgetIdentity.Users.WidgetUserProfile<ShopUser>> FullProfile = profile =>
    {
        profile.Email = user => user.Email;
        profile.Name = user => user.DisplayName;
        profile.AvatarUrl = user => user.AvatarUrl;
        profile.City = user => user.City;
        profile.CustomAttributes["plan"] = user => user.Plan;
    };

    private static ShopUser Jane() => new()
    {
        Id = "1",
        UserName = "jane@example.com",
        Email = "jane@example.com",
        DisplayName = "Jane Doe",
        AvatarUrl = "https://example.com/avatars/jane.png",
        City = "Lisbon",
        Plan = "gold",
    };

    [Fact]
    public async Task Fields_the_claims_lack_reach_the_widget_from_the_user_row_in_one_query()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(Jane());
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("1", page.User.UserId);
        Assert.Equal("Jane Doe", page.User.Fields["name"]);
        Assert.Equal("jane@example.com", page.User.Fields["email"]);
        Assert.Equal("https://example.com/avatars/jane.png", page.User.Fields["avatar_url"]);
        Assert.Equal("Lisbon", page.User.Fields["city"]);
        Assert.Equal("gold", page.User.CustomAttributes["plan"].GetString());
        Assert.Equal(DialectRun.Hmac(TestOptions.Secret, "1"), page.User.UserHash);
        Assert.Equal(1, page.Queries);
    }

    [Fact]
    public async Task Two_widgets_on_one_page_share_one_query()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(Jane());
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie, widgets: 2);

        Assert.Equal(["chatwoot:ready", "chatbot:ready"], page.Users.Select(user => user.Target));
        Assert.All(page.Users, user => Assert.Equal("Jane Doe", user.Fields["name"]));
        Assert.Equal(1, page.Queries);
    }

    [Fact]
    public async Task No_query_when_the_claims_carry_every_mapped_field()
    {
        await using var site = await ProfileSite.StartAsync(profile =>
        {
            profile.Email = user => user.Email;
            profile.Name = user => user.DisplayName;
            profile.AvatarUrl = user => user.AvatarUrl;
        });
        await site.CreateUserAsync(Jane(), new Claim("name", "Jane from the cookie"), new Claim("picture", "https://example.com/cookie.png"));
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("Jane from the cookie", page.User.Fields["name"]);
        Assert.Equal("jane@example.com", page.User.Fields["email"]);
        Assert.Equal("https://example.com/cookie.png", page.User.Fields["avatar_url"]);
        Assert.Equal(0, page.Queries);
    }

    [Fact]
    public async Task An_anonymous_visitor_costs_no_query()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);

        var page = await site.GetPageAsync(cookie: null);

        Assert.Empty(page.Users);
        Assert.Equal(0, page.Queries);
    }

    [Fact]
    public async Task Claims_win_over_the_user_row()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(Jane(), new Claim("picture", "https://example.com/cookie.png"));
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("https://example.com/cookie.png", page.User.Fields["avatar_url"]);
        Assert.Equal("Jane Doe", page.User.Fields["name"]); // not in the claims: from the row
    }

    [Fact]
    public async Task Identitys_login_name_claim_does_not_hide_the_mapped_display_name()
    {
        await using var site = await ProfileSite.StartAsync(profile => profile.Name = user => user.DisplayName);
        await site.CreateUserAsync(new ShopUser { Id = "1", UserName = "jane.d", DisplayName = "Jane Doe" });
        var cookie = await site.LogInAsync("1"); // Identity's ClaimTypes.Name claim is "jane.d"

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("Jane Doe", page.User.Fields["name"]);
    }

    [Fact]
    public async Task A_user_without_a_display_name_keeps_the_login_name()
    {
        await using var site = await ProfileSite.StartAsync(profile => profile.Name = user => user.DisplayName);
        await site.CreateUserAsync(new ShopUser { Id = "1", UserName = "jane.d", DisplayName = null });
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("jane.d", page.User.Fields["name"]);
    }

    [Fact]
    public async Task Without_a_mapped_display_name_Identitys_login_name_stays_the_name()
    {
        await using var site = await ProfileSite.StartAsync(profile => profile.Email = user => user.Email);
        await site.CreateUserAsync(new ShopUser { Id = "1", UserName = "jane.d", Email = "jane@example.com", DisplayName = "Jane Doe" });
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("jane.d", page.User.Fields["name"]);
        Assert.Equal("jane@example.com", page.User.Fields["email"]);
        Assert.Equal(0, page.Queries);
    }

    [Fact]
    public async Task Blank_values_in_the_user_row_are_left_out()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(new ShopUser
        {
            Id = "1", UserName = "jane@example.com", Email = "jane@example.com", DisplayName = "Jane Doe", AvatarUrl = "", City = "  ", Plan = " ",
        });
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal(["name", "email"], page.User.Fields.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(page.User.CustomAttributes);
    }

    [Fact]
    public async Task An_edited_profile_shows_on_the_next_page_with_the_same_cookie()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(Jane());
        var cookie = await site.LogInAsync("1");
        Assert.Equal("Jane Doe", (await site.GetPageAsync(cookie)).User.Fields["name"]);

        await site.EditUserAsync("1", user => (user.DisplayName, user.City) = ("Jane Smith", "Porto"));
        var next = await site.GetPageAsync(cookie);

        Assert.Equal("Jane Smith", next.User.Fields["name"]);
        Assert.Equal("Porto", next.User.Fields["city"]);
        Assert.Equal(1, next.Queries);
    }

    [Fact]
    public async Task A_deleted_user_falls_back_to_the_claims()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(Jane());
        var cookie = await site.LogInAsync("1");

        await site.DeleteUserAsync("1");
        var page = await site.GetPageAsync(cookie);

        Assert.Equal("1", page.User.UserId);
        Assert.Equal("jane@example.com", page.User.Fields["email"]); // Identity's email claim
        Assert.Equal("jane@example.com", page.User.Fields["name"]); // Identity's user-name claim: the row's name is gone
        Assert.False(page.User.Fields.ContainsKey("city"));
        Assert.Contains(site.Logs.Entries, entry => entry.EventId.Id == 20 && entry.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task A_deleted_user_costs_one_query_however_many_widgets_the_page_has()
    {
        await using var site = await ProfileSite.StartAsync(FullProfile);
        await site.CreateUserAsync(Jane());
        var cookie = await site.LogInAsync("1");

        await site.DeleteUserAsync("1");
        var page = await site.GetPageAsync(cookie, widgets: 3);

        Assert.Equal(3, page.Users.Count);
        Assert.Equal(1, page.Queries); // EF Core remembers a found row for the request, never a missing one: the resolver keeps the load itself
    }

    [Fact]
    public async Task The_row_is_found_by_Identitys_id_claim_when_the_widget_signs_another_claim()
    {
        var settings = new Dictionary<string, string?> { ["WidgetIdentity:Claims:UserId"] = "urn:shop:customer" };
        await using var site = await ProfileSite.StartAsync(FullProfile, settings);
        await site.CreateUserAsync(Jane(), new Claim("urn:shop:customer", "C-42"));
        await site.CreateUserAsync(new ShopUser { Id = "C-42", UserName = "someone-else", DisplayName = "Not Jane" });
        var cookie = await site.LogInAsync("1");

        var page = await site.GetPageAsync(cookie);

        Assert.Equal("C-42", page.User.UserId);
        Assert.Equal("Jane Doe", page.User.Fields["name"]);
    }
}
