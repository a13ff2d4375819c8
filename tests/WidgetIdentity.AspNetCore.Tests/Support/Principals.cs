using System.Security.Claims;

namespace WidgetIdentity.Tests.Support;

internal static class Principals
{
    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public static ClaimsPrincipal SignedIn(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), authenticationType: "Test"));

    public static ClaimsPrincipal Jane { get; } = SignedIn(
        (ClaimTypes.NameIdentifier, "1"),
        (ClaimTypes.GivenName, "Jane"),
        (ClaimTypes.Surname, "Doe"),
        (ClaimTypes.Email, "jane@example.com"));
}
