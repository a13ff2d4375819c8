using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WidgetIdentity.Users;

/// <summary>Reads the widget user from the claims of <c>HttpContext.User</c>.</summary>
internal sealed partial class ClaimsWidgetUserResolver(ILogger<ClaimsWidgetUserResolver> logger) : IWidgetUserResolver
{
    private static readonly string[] DefaultUserIdTypes = [ClaimTypes.NameIdentifier, "sub"];
    private static readonly string[] DefaultEmailTypes = [ClaimTypes.Email, "email"];
    private static readonly string[] DefaultNameTypes = [ClaimTypes.Name, "name"];
    private static readonly string[] DefaultFirstNameTypes = [ClaimTypes.GivenName, "given_name"];
    private static readonly string[] DefaultLastNameTypes = [ClaimTypes.Surname, "family_name"];
    private static readonly string[] DefaultAvatarUrlTypes = ["picture"];
    private static readonly string[] DefaultPhoneNumberTypes = [ClaimTypes.MobilePhone, "phone_number"];
    private static readonly string[] NoDefault = [];

    public ValueTask<WidgetUser?> ResolveAsync(HttpContext context, WidgetClaimOptions claims)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claims);

        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return ValueTask.FromResult<WidgetUser?>(null);
        }

        var id = Find(principal, claims.UserId, DefaultUserIdTypes);
        if (id is null)
        {
            LogUserWithoutId(logger, context.Request.Path);
            return ValueTask.FromResult<WidgetUser?>(null);
        }

        return ValueTask.FromResult<WidgetUser?>(new WidgetUser(id)
        {
            Email = Find(principal, claims.Email, DefaultEmailTypes),
            Name = Find(principal, claims.Name, DefaultNameTypes),
            FirstName = Find(principal, claims.FirstName, DefaultFirstNameTypes),
            LastName = Find(principal, claims.LastName, DefaultLastNameTypes),
            AvatarUrl = Find(principal, claims.AvatarUrl, DefaultAvatarUrlTypes),
            PhoneNumber = Find(principal, claims.PhoneNumber, DefaultPhoneNumberTypes),
            CompanyName = Find(principal, claims.CompanyName, NoDefault),
            Description = Find(principal, claims.Description, NoDefault),
            CountryCode = Find(principal, claims.CountryCode, NoDefault),
            City = Find(principal, claims.City, NoDefault),
            CustomAttributes = CustomAttributes(principal, claims.CustomAttributes),
        });
    }

    private static Dictionary<string, object?>? CustomAttributes(ClaimsPrincipal principal, Dictionary<string, string> claimTypes)
    {
        Dictionary<string, object?>? attributes = null;
        foreach (var (name, claimType) in claimTypes)
        {
            if (NonEmpty(principal.FindFirst(claimType)?.Value) is { } value)
            {
                (attributes ??= new(StringComparer.Ordinal))[name] = value;
            }
        }

        return attributes;
    }

    private static string? Find(ClaimsPrincipal principal, string? configuredType, string[] defaultTypes)
    {
        if (configuredType is not null)
        {
            return NonEmpty(principal.FindFirst(configuredType)?.Value);
        }

        foreach (var type in defaultTypes)
        {
            if (NonEmpty(principal.FindFirst(type)?.Value) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(EventId = 1, EventName = "AuthenticatedUserWithoutId", Level = LogLevel.Warning,
        Message = "The signed-in user on {Path} has no user id claim; the chat widget treats them as anonymous. Configure WidgetIdentity:Claims:UserId if the id is in another claim.")]
    private static partial void LogUserWithoutId(ILogger logger, PathString path);
}
