namespace WidgetIdentity;

/// <summary>
/// Claim types to read the user's fields from. A <see langword="null"/> entry uses the default chain:
/// user id <c>ClaimTypes.NameIdentifier</c> then <c>sub</c>; email <c>ClaimTypes.Email</c> then <c>email</c>;
/// name <c>ClaimTypes.Name</c> then <c>name</c>; first name <c>ClaimTypes.GivenName</c> then <c>given_name</c>;
/// last name <c>ClaimTypes.Surname</c> then <c>family_name</c>; avatar <c>picture</c>; phone
/// <c>ClaimTypes.MobilePhone</c> then <c>phone_number</c>. Company, description, country code and city have no
/// standard claim and are read only where a claim type is configured.
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

    /// <summary>The claim type that holds the URL of the user's picture (default <c>picture</c>).</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>The claim type that holds the phone number (default <c>ClaimTypes.MobilePhone</c> then <c>phone_number</c>).</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The claim type that holds the company name (no default).</summary>
    public string? CompanyName { get; set; }

    /// <summary>The claim type that holds a description of the user (no default).</summary>
    public string? Description { get; set; }

    /// <summary>The claim type that holds the two-letter country code (no default).</summary>
    public string? CountryCode { get; set; }

    /// <summary>The claim type that holds the city (no default).</summary>
    public string? City { get; set; }

    /// <summary>
    /// Custom attributes read from claims: the attribute name the vendor receives, mapped to the claim type that
    /// holds its value (for example <c>"plan": "urn:example:plan"</c>). Values are sent as strings.
    /// </summary>
    public Dictionary<string, string> CustomAttributes { get; set; } = new(StringComparer.Ordinal);
}
