using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Users;

public sealed class ClaimsWidgetUserResolverTests
{
    private readonly ListLoggerProvider _logs = new();

    [Fact]
    public async Task An_anonymous_visitor_resolves_to_no_user()
    {
        Assert.Null(await Resolve(Principals.Anonymous));
    }

    [Fact]
    public async Task The_default_claim_types_fill_every_field()
    {
        var user = await Resolve(Principals.SignedIn(
            (ClaimTypes.NameIdentifier, "7"), (ClaimTypes.Email, "a@b.example"), (ClaimTypes.Name, "Ann Lee"),
            (ClaimTypes.GivenName, "Ann"), (ClaimTypes.Surname, "Lee")));

        Assert.Equal(new WidgetUser("7") { Email = "a@b.example", Name = "Ann Lee", FirstName = "Ann", LastName = "Lee" }, user);
    }

    [Fact]
    public async Task OpenID_Connect_short_claim_names_are_the_fallbacks()
    {
        var user = await Resolve(Principals.SignedIn(
            ("sub", "auth0|42"), ("email", "a@b.example"), ("name", "Ann Lee"), ("given_name", "Ann"), ("family_name", "Lee")));

        Assert.Equal(new WidgetUser("auth0|42") { Email = "a@b.example", Name = "Ann Lee", FirstName = "Ann", LastName = "Lee" }, user);
    }

    [Fact]
    public async Task Configured_claim_types_replace_the_defaults()
    {
        var user = await Resolve(
            Principals.SignedIn((ClaimTypes.NameIdentifier, "internal-guid"), ("employee_id", "E-1001"), ("work_email", "ann@corp.example")),
            new WidgetClaimOptions { UserId = "employee_id", Email = "work_email" });

        Assert.Equal("E-1001", user?.Id);
        Assert.Equal("ann@corp.example", user?.Email);
    }

    [Fact]
    public async Task A_signed_in_user_without_an_id_claim_is_anonymous_with_one_warning()
    {
        var user = await Resolve(Principals.SignedIn((ClaimTypes.Email, "a@b.example")));

        Assert.Null(user);
        var warning = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal("AuthenticatedUserWithoutId", warning.EventId.Name);
    }

    [Fact]
    public async Task An_empty_id_claim_counts_as_missing()
    {
        Assert.Null(await Resolve(Principals.SignedIn((ClaimTypes.NameIdentifier, "  "))));
    }

    private async Task<WidgetUser?> Resolve(ClaimsPrincipal principal, WidgetClaimOptions? claims = null)
    {
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(_logs));
        var resolver = new ClaimsWidgetUserResolver(factory.CreateLogger<ClaimsWidgetUserResolver>());
        return await resolver.ResolveAsync(new DefaultHttpContext { User = principal }, claims ?? new WidgetClaimOptions());
    }
}
