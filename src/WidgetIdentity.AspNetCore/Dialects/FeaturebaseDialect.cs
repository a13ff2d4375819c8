using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Featurebase (help.featurebase.app, "Installation overview", "Secure your installation", "Creating and signing a JWT"):
/// <c>Featurebase("boot", {appId, featurebaseJwt})</c>, the JWT signed HS256 with the workspace's JWT secret and carrying the
/// user (<c>userId</c>, <c>email</c>, <c>name</c>, <c>profilePicture</c>, custom attributes at the top level). The script first
/// defines the same queueing stub Featurebase's own snippet defines (<c>Featurebase.q</c>), so the call is kept until the SDK
/// (<c>https://do.featurebase.app/js/sdk.js</c>, loaded after it) reads the queue. Featurebase documents no logout call.
/// </summary>
internal sealed class FeaturebaseDialect() : VendorDialect("Featurebase", DefaultSdkUrl)
{
    /// <summary>The SDK the snippet in Featurebase's installation guide loads.</summary>
    public const string DefaultSdkUrl = "https://do.featurebase.app/js/sdk.js";

    // The stub of Featurebase's snippet: calls made before the SDK loads are queued in Featurebase.q, which the SDK replays.
    private const string QueueStub =
        "if (typeof window.Featurebase !== \"function\") {\n"
        + "  window.Featurebase = function () { (window.Featurebase.q = window.Featurebase.q || []).push(arguments); };\n"
        + "}\n";

    // Claims the JWT carries for Featurebase or for the token itself: a custom attribute of the same name is left out
    // rather than overwrite one of them.
    private static readonly HashSet<string> ReservedClaims = new(StringComparer.Ordinal)
    {
        "userId", "email", "name", "profilePicture", "companies", "tags", "locale", "createdAt",
        "iat", "exp", "nbf", "iss", "aud", "sub", "jti",
    };

    public override string? PreviewQuery => "mode=featurebase";

    // Featurebase documents no cookies its SDK keeps on the site's domain.
    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override bool SignsJwt(WidgetSigning? signing) => true;

    public override void Validate(VendorSettings settings, List<string> failures)
    {
        base.Validate(settings, failures); // Featurebase verifies a JWT only: Signing is not a choice
        DialectRules.RequireAppId(settings, failures, "Featurebase's boot call needs your workspace's App ID", "in Featurebase, Settings > Developers > Installation");
    }

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        // The JWT needs userId or email; the user id is always there, so no user is ever refused.
        var email = AcceptedFields.Email(user, Name, issues);

        var picture = AcceptedFields.AvatarUrl(user, issues);

        var attributes = CustomAttributeValues.Conform(user.CustomAttributes, issues);
        if (attributes is not null && attributes.Keys.Any(ReservedClaims.Contains))
        {
            foreach (var reserved in attributes.Keys.Where(ReservedClaims.Contains))
            {
                issues.Add($"the custom attribute \"{reserved}\" was left out: {Name}'s JWT uses that claim for its own field "
                    + $"(rename it in {widget.KeyPrefix}:Claims:CustomAttributes or in your IWidgetUserResolver)");
            }

            var kept = attributes.Where(pair => !ReservedClaims.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal);
            attributes = kept.Count == 0 ? null : kept;
        }

        // No company id is known, and Featurebase's companies entries require one: the company name is not sent.
        return new WidgetUser(user.Id) { Name = user.DisplayName, Email = email, AvatarUrl = picture, CustomAttributes = attributes };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        // Featurebase documents no logout call (resetFirst has nothing to write): booting with the new user's JWT is what
        // replaces the identity.
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["userId"] = user.Id };
        if (user.Email is { } email)
        {
            claims["email"] = email;
        }

        if (user.DisplayName is { } name)
        {
            claims["name"] = name;
        }

        if (user.AvatarUrl is { } picture)
        {
            claims["profilePicture"] = picture;
        }

        if (user.CustomAttributes is { } attributes)
        {
            foreach (var (key, value) in attributes)
            {
                if (value is not null)
                {
                    claims[key] = ClaimValue(value);
                }
            }
        }

        script.Raw(QueueStub).Raw("window.Featurebase(\"boot\", ").Fields(
            [
                ("appId", signer.AppId),
                ("featurebaseJwt", signer.Jwt(claims)),
            ]).Raw(");");
    }

    public override bool WriteReset(ScriptBuilder script) => false;

    // Featurebase's widget starts from boot, which needs the app id: a visitor the widget is told nothing about is booted
    // without a token (Featurebase documents no logout, so booting anonymously is what replaces a previous identity).
    public override bool WriteAnonymous(ScriptBuilder script, ResolvedWidget widget, bool resetFirst)
    {
        script.Raw(QueueStub).Raw("window.Featurebase(\"boot\", ").Fields([("appId", widget.AppId)]).Raw(");");
        return true;
    }

    // The JWT library writes strings, booleans, longs and doubles as JSON: the other numbers are given to it as one of those.
    private static object ClaimValue(object value) => value switch
    {
        decimal exact => (double)exact,
        ulong large when large <= long.MaxValue => (long)large,
        ulong large => (double)large,
        _ => value,
    };
}
