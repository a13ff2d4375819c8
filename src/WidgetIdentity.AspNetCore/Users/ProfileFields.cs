namespace WidgetIdentity.Users;

/// <summary>Compares a user from the claims with a profile mapping, and fills in what the claims lack from the entity.</summary>
internal static class ProfileFields
{
    /// <summary>Whether <paramref name="profile"/> maps a field that <paramref name="user"/> does not carry.</summary>
    public static bool AnyMissing<TUser>(WidgetUserProfile<TUser> profile, WidgetUser user)
        where TUser : class =>
        Missing(profile.Email, user.Email) || Missing(profile.Name, user.Name) || Missing(profile.FirstName, user.FirstName)
        || Missing(profile.LastName, user.LastName) || Missing(profile.AvatarUrl, user.AvatarUrl)
        || Missing(profile.PhoneNumber, user.PhoneNumber) || Missing(profile.CompanyName, user.CompanyName)
        || Missing(profile.Description, user.Description) || Missing(profile.CountryCode, user.CountryCode)
        || Missing(profile.City, user.City)
        || profile.CustomAttributes.Keys.Any(name => user.CustomAttributes?.ContainsKey(name) != true);

    /// <summary><paramref name="user"/> with each field it lacks read from <paramref name="entity"/>; what it carries stays.</summary>
    public static WidgetUser Fill<TUser>(WidgetUserProfile<TUser> profile, WidgetUser user, TUser entity)
        where TUser : class => user with
    {
        Email = user.Email ?? Read(profile.Email, entity),
        Name = user.Name ?? Read(profile.Name, entity),
        FirstName = user.FirstName ?? Read(profile.FirstName, entity),
        LastName = user.LastName ?? Read(profile.LastName, entity),
        AvatarUrl = user.AvatarUrl ?? Read(profile.AvatarUrl, entity),
        PhoneNumber = user.PhoneNumber ?? Read(profile.PhoneNumber, entity),
        CompanyName = user.CompanyName ?? Read(profile.CompanyName, entity),
        Description = user.Description ?? Read(profile.Description, entity),
        CountryCode = user.CountryCode ?? Read(profile.CountryCode, entity),
        City = user.City ?? Read(profile.City, entity),
        CustomAttributes = CustomAttributes(profile, user.CustomAttributes, entity),
    };

    private static bool Missing<TUser>(Func<TUser, string?>? map, string? value) => map is not null && value is null;

    private static string? Read<TUser>(Func<TUser, string?>? map, TUser entity) =>
        map is null ? null : WidgetUserText.NonBlank(map(entity));

    private static IReadOnlyDictionary<string, object?>? CustomAttributes<TUser>(
        WidgetUserProfile<TUser> profile, IReadOnlyDictionary<string, object?>? fromClaims, TUser entity)
        where TUser : class
    {
        Dictionary<string, object?>? attributes = null;
        foreach (var (name, map) in profile.CustomAttributes)
        {
            if (fromClaims?.ContainsKey(name) != true && map(entity) is { } value && !(value is string text && WidgetUserText.NonBlank(text) is null))
            {
                attributes ??= fromClaims is null ? new(StringComparer.Ordinal) : new(fromClaims, StringComparer.Ordinal);
                attributes[name] = value;
            }
        }

        return attributes ?? fromClaims;
    }
}
