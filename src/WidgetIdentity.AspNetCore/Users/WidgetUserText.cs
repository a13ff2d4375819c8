namespace WidgetIdentity.Users;

/// <summary>Treats blank text from any source (claims, tag attributes, an app's resolver) as unknown.</summary>
internal static class WidgetUserText
{
    public static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The user with every blank field set to <see langword="null"/>, so a vendor never receives an empty value as if it were known.</summary>
    public static WidgetUser WithoutBlankFields(WidgetUser user) => !HasBlankField(user) ? user : user with
    {
        Email = NonBlank(user.Email),
        Name = NonBlank(user.Name),
        FirstName = NonBlank(user.FirstName),
        LastName = NonBlank(user.LastName),
        AvatarUrl = NonBlank(user.AvatarUrl),
        PhoneNumber = NonBlank(user.PhoneNumber),
        CompanyName = NonBlank(user.CompanyName),
        Description = NonBlank(user.Description),
        CountryCode = NonBlank(user.CountryCode),
        City = NonBlank(user.City),
    };

    private static bool HasBlankField(WidgetUser user) =>
        IsBlank(user.Email) || IsBlank(user.Name) || IsBlank(user.FirstName) || IsBlank(user.LastName) || IsBlank(user.AvatarUrl)
        || IsBlank(user.PhoneNumber) || IsBlank(user.CompanyName) || IsBlank(user.Description) || IsBlank(user.CountryCode) || IsBlank(user.City);

    private static bool IsBlank(string? value) => value is not null && string.IsNullOrWhiteSpace(value);
}
