namespace WidgetIdentity.Users;

/// <summary>
/// The visitor a widget is told about. Only <see cref="Id"/> is required; fields left <see langword="null"/>
/// are left out of the vendor's user data, and each vendor takes only the fields it documents.
/// </summary>
/// <param name="Id">The stable user id that is signed.</param>
public sealed record WidgetUser(string Id)
{
    /// <summary>The email address.</summary>
    public string? Email { get; init; }

    /// <summary>The full display name.</summary>
    public string? Name { get; init; }

    /// <summary>The first (given) name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The last (family) name.</summary>
    public string? LastName { get; init; }

    /// <summary>The URL of the user's picture; only an absolute <c>http(s)</c> URL is ever written.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>The phone number; Chatwoot-style vendors take it in E.164 form (<c>+15550101234</c>).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The user's company.</summary>
    public string? CompanyName { get; init; }

    /// <summary>A short description of the user, shown to the vendor's agents.</summary>
    public string? Description { get; init; }

    /// <summary>The two-letter ISO 3166-1 country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The user's city.</summary>
    public string? City { get; init; }

    /// <summary>
    /// Custom attributes for vendors that take them (Chatwoot-style <c>setCustomAttributes</c>): for example the
    /// customer's plan or order count. Values may be strings, booleans, numbers, <see cref="DateTime"/> or
    /// <see cref="DateTimeOffset"/> (written as ISO 8601 text); any other value is left out with a warning.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? CustomAttributes { get; init; }

    /// <summary>The full name, or the first and last names joined when only those are known.</summary>
    public string? DisplayName => Name ?? JoinNames(FirstName, LastName);

    private static string? JoinNames(string? first, string? last) => (first, last) switch
    {
        (null, null) => null,
        (_, null) => first,
        (null, _) => last,
        _ => $"{first} {last}",
    };
}
