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
    public async Task The_avatar_defaults_to_the_OIDC_picture_claim_and_the_phone_to_MobilePhone_then_phone_number()
    {
        var oidc = await Resolve(Principals.SignedIn(("sub", "9"), ("picture", "https://cdn.example/9.png"), ("phone_number", "+15550100009")));
        var windows = await Resolve(Principals.SignedIn(
            ("sub", "9"), (ClaimTypes.MobilePhone, "+15550100001"), ("phone_number", "+15550100009")));

        Assert.Equal("https://cdn.example/9.png", oidc?.AvatarUrl);
        Assert.Equal("+15550100009", oidc?.PhoneNumber);
        Assert.Equal("+15550100001", windows?.PhoneNumber);
    }

    [Fact]
    public async Task Company_description_country_and_city_are_read_only_from_configured_claims()
    {
        var principal = Principals.SignedIn(
            ("sub", "9"), ("org", "Acme"), ("bio", "Gold customer"), ("ctry", "NZ"), ("town", "Wellington"),
            (ClaimTypes.Country, "Germany"), (ClaimTypes.Locality, "Berlin"));

        var unconfigured = await Resolve(principal);
        var configured = await Resolve(principal, new WidgetClaimOptions { CompanyName = "org", Description = "bio", CountryCode = "ctry", City = "town" });

        Assert.Equal(new WidgetUser("9"), unconfigured);
        Assert.Equal(("Acme", "Gold customer", "NZ", "Wellington"), (configured?.CompanyName, configured?.Description, configured?.CountryCode, configured?.City));
    }

    [Fact]
    public async Task Configured_custom_attribute_claims_become_string_attributes_and_missing_ones_are_left_out()
    {
        var user = await Resolve(
            Principals.SignedIn(("sub", "9"), ("urn:example:plan", "gold"), ("urn:example:empty", " ")),
            new WidgetClaimOptions { CustomAttributes = { ["plan"] = "urn:example:plan", ["tier"] = "urn:example:tier", ["empty"] = "urn:example:empty" } });

        Assert.Equal(new Dictionary<string, object?> { ["plan"] = "gold" }, user?.CustomAttributes);
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

    [Fact]
    public async Task Claims_of_an_identity_that_is_not_signed_in_are_no_user_and_no_warning()
    {
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(ClaimTypes.Email, "a@b.example")]));

        Assert.Null(await Resolve(unauthenticated));
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task Every_configured_custom_attribute_claim_the_user_has_reaches_the_widget()
    {
        var user = await Resolve(
            Principals.SignedIn(("sub", "9"), ("urn:example:plan", "gold"), ("urn:example:seats", "12")),
            new WidgetClaimOptions { CustomAttributes = { ["plan"] = "urn:example:plan", ["seats"] = "urn:example:seats" } });

        Assert.Equal(new Dictionary<string, object?> { ["plan"] = "gold", ["seats"] = "12" }, user?.CustomAttributes);
    }

    [Fact]
    public async Task A_missing_context_or_claim_options_is_named_in_the_error()
    {
        var resolver = new ClaimsWidgetUserResolver(Microsoft.Extensions.Logging.Abstractions.NullLogger<ClaimsWidgetUserResolver>.Instance);

        var noContext = await Assert.ThrowsAsync<ArgumentNullException>(async () => await resolver.ResolveAsync(null!, new WidgetClaimOptions()));
        var noOptions = await Assert.ThrowsAsync<ArgumentNullException>(
            async () => await resolver.ResolveAsync(new DefaultHttpContext { User = Principals.Anonymous }, null!));

        Assert.Equal("context", noContext.ParamName);
        Assert.Equal("claims", noOptions.ParamName);
    }

    private async Task<WidgetUser?> Resolve(ClaimsPrincipal principal, WidgetClaimOptions? claims = null)
    {
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(_logs));
        var resolver = new ClaimsWidgetUserResolver(factory.CreateLogger<ClaimsWidgetUserResolver>());
        return await resolver.ResolveAsync(new DefaultHttpContext { User = principal }, claims ?? new WidgetClaimOptions());
    }
}
