namespace WidgetIdentity.Users;

/// <summary>
/// The visitor a widget is told about. Only <see cref="Id"/> is required; fields left <see langword="null"/>
/// are left out of the vendor's user data.
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
