using System.Globalization;
using System.Text.Json.Nodes;
using WidgetIdentity.BrowserTests.Infrastructure;
using WidgetIdentity.BrowserTests.Infrastructure.VendorSites;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// What each vendor's stand-in should receive for the hostile-vendors page's user of one string, as flat fields: the path
/// of each value in the calls (<c>method/argument/key...</c>; a JWT's verified claims under <c>.../jwt</c>) and the value as
/// text, with <c>(method, "called")</c> for each call. The signed values are recomputed here.
/// </summary>
public static class HostileVendorFields
{
    /// <summary>How many calls each stand-in accepts for one user.</summary>
    public static readonly Dictionary<string, int> CallsPerUser = new()
    {
        ["intercom"] = 1, ["crisp"] = 4, ["helpscout"] = 1, ["frontchat"] = 2, ["gleap"] = 1,
        ["chatbase"] = 1, ["zendesk"] = 1, ["featurebase"] = 1, ["plain"] = 1,
    };

    public static (string Name, string Value)[] Expected(string vendor, int index)
    {
        var raw = HostileStrings.All[index];
        var value = Infrastructure.Expected.WellFormed(raw);
        var id = Infrastructure.Expected.WellFormed(HostileStrings.UserId(index));
        var email = Infrastructure.Expected.WellFormed(HostileVendorUsers.Email(raw));
        var attribute = HostileVendorUsers.NameHolding(value);
        var number = index.ToString(CultureInfo.InvariantCulture);
        return vendor switch
        {
            "intercom" =>
            [
                ("boot", "called"), ("boot/0/app_id", IntercomSite.AppId), ("boot/0/user_id", id), ("boot/0/email", email), ("boot/0/name", value),
                ("boot/0/user_hash", Infrastructure.Expected.Hash(id)), ("boot/0/note", value), ($"boot/0/{attribute}", number),
            ],
            "crisp" =>
            [
                ("set user:email", "called"), ("set user:email/0/0", email), ("set user:email/0/1", Infrastructure.Expected.EmailHash(email)),
                ("set user:nickname", "called"), ("set user:nickname/0/0", value),
                ("set user:company", "called"), ("set user:company/0/0", value),
                ("set session:data", "called"), ("set session:data/0/0/0/0", "note"), ("set session:data/0/0/0/1", value), // attr:... is no Crisp data key
            ],
            "helpscout" =>
            [
                ("identify", "called"), ("identify/0/name", Infrastructure.Expected.WellFormed(Cut(raw, 80))), ("identify/0/email", email),
                ("identify/0/company", Infrastructure.Expected.WellFormed(Cut(raw, 60))), ("identify/0/signature", Infrastructure.Expected.EmailHash(email)),
                ("identify/0/note", value), ($"identify/0/{attribute}", number),
            ],
            "frontchat" =>
            [
                ("init", "called"), ("init/0/chatId", FrontChatSite.ChatId), ("init/0/useDefaultLauncher", "true"), ("init/0/userId", id),
                ("init/0/email", email), ("init/0/name", value), ("init/0/customFields/note", value), ($"init/0/customFields/{attribute}", number),
                ("init/0/userHash", Infrastructure.Expected.Hash(id)), ("shutdown", "called"),
            ],
            "gleap" =>
            [
                ("identify", "called"), ("identify/0", id), ("identify/1/name", value), ("identify/1/email", email), ("identify/1/companyName", value),
                ("identify/1/customData/note", value), ($"identify/1/customData/{attribute}", number), ("identify/2", Infrastructure.Expected.Hash(id)),
            ],
            "chatbase" =>
            [
                ("identify", "called"), ("identify/0/token/jwt/user_id", id), ("identify/0/token/jwt/email", email), ("identify/0/token/jwt/name", value),
                ("identify/0/token/jwt/custom_attributes/note", value), ($"identify/0/token/jwt/custom_attributes/{attribute}", number),
            ],
            "zendesk" =>
            [
                ("loginUser", "called"), ("loginUser/0/jwt/scope", "user"), ("loginUser/0/jwt/external_id", id),
                ("loginUser/0/jwt/name", value), ("loginUser/0/jwt/email", email),
            ],
            "featurebase" =>
            [
                ("boot", "called"), ("boot/0/appId", FeaturebaseSite.AppId), ("boot/0/featurebaseJwt/jwt/userId", id), ("boot/0/featurebaseJwt/jwt/email", email),
                ("boot/0/featurebaseJwt/jwt/name", value), ("boot/0/featurebaseJwt/jwt/note", value), ($"boot/0/featurebaseJwt/jwt/{attribute}", number),
            ],
            "plain" =>
            [
                ("setCustomerDetails", "called"), ("setCustomerDetails/0/email", email),
                ("setCustomerDetails/0/emailHash", Infrastructure.Expected.EmailHash(email)), ("setCustomerDetails/0/fullName", value),
            ],
            _ => throw new ArgumentException($"No fields for {vendor}.", nameof(vendor)),
        };
    }

    /// <summary>The fields of one user's calls; each JWT verified (Zendesk's under its key id) and read as its claims.</summary>
    public static async Task<List<(string Name, string Value)>> ReceivedAsync(IEnumerable<VendorCall> calls)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var call in calls)
        {
            fields.Add((call.Method, "called"));
            for (var i = 0; i < call.Args.Count; i++)
            {
                await AddAsync(fields, call.Args[i], $"{call.Method}/{i}", call.Method == "loginUser");
            }
        }

        return fields;
    }

    /// <summary>Help Scout's rule: text longer than its limit is cut to fit, never inside a surrogate pair.</summary>
    private static string Cut(string value, int limit) =>
        value.Length <= limit ? value : value[..(char.IsHighSurrogate(value[limit - 1]) ? limit - 1 : limit)];

    private static async Task AddAsync(List<(string Name, string Value)> fields, JsonNode? node, string path, bool zendeskJwt)
    {
        switch (node)
        {
            case JsonValue text when text.TryGetValue<string>(out var value):
                if (zendeskJwt || path.EndsWith("/token", StringComparison.Ordinal) || path.EndsWith("/featurebaseJwt", StringComparison.Ordinal))
                {
                    await AddAsync(fields, await ExpectedJwt.VerifiedClaimsAsync(value, zendeskJwt ? ZendeskSite.KeyId : null), $"{path}/jwt", false);
                }
                else
                {
                    fields.Add((path, value));
                }

                break;
            case JsonObject properties:
                foreach (var (key, property) in properties)
                {
                    await AddAsync(fields, property, $"{path}/{key}", false);
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    await AddAsync(fields, items[i], $"{path}/{i}", false);
                }

                break;
            default:
                fields.Add((path, node?.ToJsonString() ?? "null"));
                break;
        }
    }
}
