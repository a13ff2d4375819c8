using System.Text;
using WidgetIdentity.Users;

namespace WidgetIdentity.BrowserTests.Hostile;

/// <summary>
/// The user the hostile-vendors page renders for each generated hostile string: the string as name and company, as a
/// custom attribute's value and inside another's name, and as the local part of an email that still has an address's
/// shape (whitespace and <c>@</c> taken out), so that the vendors that sign the email sign a hostile one.
/// </summary>
public static class HostileVendorUsers
{
    public const string ValueAttribute = "note";

    /// <summary>The attribute name that holds the string (prefixed, so that no name is <c>__proto__</c>).</summary>
    public static string NameHolding(string value) => $"attr:{value}";

    /// <summary>The string without whitespace and <c>@</c>, then <c>@example.com</c>.</summary>
    public static string Email(string value)
    {
        var local = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c != '@')
            {
                local.Append(c);
            }
        }

        return $"{(local.Length == 0 ? "x" : local.ToString())}@example.com";
    }

    public static WidgetUser For(int index)
    {
        var value = HostileStrings.All[index];
        return new WidgetUser(HostileStrings.UserId(index))
        {
            Name = value,
            Email = Email(value),
            CompanyName = value,
            CustomAttributes = new Dictionary<string, object?> { [ValueAttribute] = value, [NameHolding(value)] = index },
        };
    }
}
