using WidgetIdentity.Users;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// The user the hostile-attributes page renders for each generated hostile string: named with it, and with custom
/// attributes of every kind the package writes, the string among them as a value and inside an attribute name.
/// </summary>
public static class HostileAttributeUsers
{
    public static readonly DateTime Since = new(2024, 2, 29, 13, 45, 0, DateTimeKind.Utc);

    /// <summary>
    /// The attribute name that holds the string: prefixed, so that no name is <c>__proto__</c> (a JavaScript object
    /// literal sets the prototype with that name instead of a property).
    /// </summary>
    public static string NameHolding(string value) => $"attr:{value}";

    public static WidgetUser For(int index)
    {
        var value = HostileStrings.All[index];
        return new WidgetUser(HostileStrings.UserId(index))
        {
            Name = value,
            CustomAttributes = new Dictionary<string, object?>
            {
                ["note"] = value,
                [NameHolding(value)] = index,
                ["vip"] = index % 2 == 0,
                ["score"] = index + 0.25,
                ["since"] = Since,
            },
        };
    }
}
