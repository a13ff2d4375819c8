namespace WidgetIdentity.Users;

/// <summary>
/// Which of the widget user's fields are read from the app's own user entity (an ASP.NET Core Identity
/// <typeparamref name="TUser"/>) when the signed-in user's claims do not carry them. A field left <see langword="null"/>
/// is read from the claims only; a blank value from the entity counts as unknown.
/// </summary>
/// <typeparam name="TUser">The app's Identity user type, the one its <c>UserManager&lt;TUser&gt;</c> manages.</typeparam>
public sealed class WidgetUserProfile<TUser>
    where TUser : class
{
    /// <summary>The email address.</summary>
    public Func<TUser, string?>? Email { get; set; }

    /// <summary>
    /// The full display name. Identity's own user-name claim (the login name, often the email) never stands in for it:
    /// set <c>Claims:Name</c> to read a name from the claims instead.
    /// </summary>
    public Func<TUser, string?>? Name { get; set; }

    /// <summary>The first (given) name.</summary>
    public Func<TUser, string?>? FirstName { get; set; }

    /// <summary>The last (family) name.</summary>
    public Func<TUser, string?>? LastName { get; set; }

    /// <summary>The URL of the user's picture; only an absolute <c>http(s)</c> URL is ever written.</summary>
    public Func<TUser, string?>? AvatarUrl { get; set; }

    /// <summary>The phone number.</summary>
    public Func<TUser, string?>? PhoneNumber { get; set; }

    /// <summary>The user's company.</summary>
    public Func<TUser, string?>? CompanyName { get; set; }

    /// <summary>A short description of the user, shown to the vendor's agents.</summary>
    public Func<TUser, string?>? Description { get; set; }

    /// <summary>The two-letter ISO 3166-1 country code.</summary>
    public Func<TUser, string?>? CountryCode { get; set; }

    /// <summary>The user's city.</summary>
    public Func<TUser, string?>? City { get; set; }

    /// <summary>
    /// Custom attributes, by the name the vendor receives (for example <c>profile.CustomAttributes["plan"] = user =&gt; user.Plan</c>).
    /// Values may be what <see cref="WidgetUser.CustomAttributes"/> takes; a <see langword="null"/> or blank one is left out.
    /// </summary>
    public IDictionary<string, Func<TUser, object?>> CustomAttributes { get; } = new Dictionary<string, Func<TUser, object?>>(StringComparer.Ordinal);

    internal bool MapsAnyField =>
        Email is not null || Name is not null || FirstName is not null || LastName is not null || AvatarUrl is not null
        || PhoneNumber is not null || CompanyName is not null || Description is not null || CountryCode is not null || City is not null
        || CustomAttributes.Count > 0;
}
