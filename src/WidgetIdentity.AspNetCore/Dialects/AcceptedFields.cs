using WidgetIdentity.Configuration;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// A user's field as a vendor accepts it (<see cref="UserFieldRules"/>), or <see langword="null"/> with one issue naming the
/// field and the claim setting that fixes it: every dialect leaves out the same values with the same warning.
/// </summary>
internal static class AcceptedFields
{
    public static string? Email(WidgetUser user, string vendor, UserDataIssues issues)
    {
        if (user.Email is { } email && !UserFieldRules.IsEmail(email))
        {
            issues.FieldLeftOut("email", $"is not an address {vendor} accepts", nameof(WidgetClaimOptions.Email));
            return null;
        }

        return user.Email;
    }

    public static string? AvatarUrl(WidgetUser user, UserDataIssues issues)
    {
        if (user.AvatarUrl is { } url && !UserFieldRules.IsAbsoluteHttpUrl(url))
        {
            issues.FieldLeftOut("avatar URL", "is not an absolute http(s) URL", nameof(WidgetClaimOptions.AvatarUrl));
            return null;
        }

        return user.AvatarUrl;
    }

    /// <summary>The phone number in E.164 form (<c>+15550101234</c>).</summary>
    public static string? PhoneNumber(WidgetUser user, UserDataIssues issues)
    {
        var phone = user.PhoneNumber is { } given ? UserFieldRules.E164PhoneNumber(given) : null;
        if (user.PhoneNumber is not null && phone is null)
        {
            issues.FieldLeftOut("phone number", "is not a full international number (E.164, like +15550101234)", nameof(WidgetClaimOptions.PhoneNumber));
        }

        return phone;
    }

    /// <summary>The two-letter country code, upper-cased.</summary>
    public static string? CountryCode(WidgetUser user, UserDataIssues issues)
    {
        var country = user.CountryCode is { } code ? UserFieldRules.CountryCode(code) : null;
        if (user.CountryCode is not null && country is null)
        {
            issues.FieldLeftOut("country code", "is not a two-letter ISO 3166-1 code", nameof(WidgetClaimOptions.CountryCode));
        }

        return country;
    }
}
