namespace WidgetIdentity;

/// <summary>
/// Claim types to read the user's fields from. A <see langword="null"/> entry uses the default chain:
/// user id <c>ClaimTypes.NameIdentifier</c> then <c>sub</c>; email <c>ClaimTypes.Email</c> then <c>email</c>;
/// name <c>ClaimTypes.Name</c> then <c>name</c>; first name <c>ClaimTypes.GivenName</c> then <c>given_name</c>;
/// last name <c>ClaimTypes.Surname</c> then <c>family_name</c>.
/// </summary>
public sealed class WidgetClaimOptions
{
    /// <summary>The claim type that holds the user id.</summary>
    public string? UserId { get; set; }

    /// <summary>The claim type that holds the email address.</summary>
    public string? Email { get; set; }

    /// <summary>The claim type that holds the full name.</summary>
    public string? Name { get; set; }

    /// <summary>The claim type that holds the first (given) name.</summary>
    public string? FirstName { get; set; }

    /// <summary>The claim type that holds the last (family) name.</summary>
    public string? LastName { get; set; }
}
