using System.Globalization;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Custom attribute values as a vendor can store them: strings, booleans and finite numbers as they are, dates as
/// ISO 8601 text. Anything else is left out with an issue naming the attribute, never written as a guess.
/// </summary>
internal static class CustomAttributeValues
{
    private const string PrototypeKey = "__proto__";

    /// <summary>The attributes that can be written, or <see langword="null"/> when none can (an empty call is rejected by the SDK).</summary>
    public static IReadOnlyDictionary<string, object?>? Conform(IReadOnlyDictionary<string, object?>? attributes, UserDataIssues issues)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return null;
        }

        var conformed = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                issues.Add("a custom attribute with an empty name was left out");
                continue;
            }

            if (name == PrototypeKey)
            {
                issues.Add($"the custom attribute \"{PrototypeKey}\" was left out: in a script's object literal that name sets the object's prototype instead of an attribute");
                continue;
            }

            if (value is null)
            {
                continue;
            }

            if (Normalize(value) is { } written)
            {
                conformed[name] = written;
            }
            else if (value is string)
            {
                issues.Add($"the custom attribute \"{name}\" is blank text, so it was left out");
            }
            else
            {
                issues.Add($"the custom attribute \"{name}\" holds a {value.GetType().Name}, which is not a string, boolean, finite number or date, so it was left out");
            }
        }

        return conformed.Count == 0 ? null : conformed;
    }

    private static object? Normalize(object value) => value switch
    {
        string text => string.IsNullOrWhiteSpace(text) ? null : text,
        bool flag => flag,
        byte or sbyte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong large => large,
        float single when float.IsFinite(single) => (double)single,
        double real when double.IsFinite(real) => real,
        decimal exact => exact,
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("O", CultureInfo.InvariantCulture),
        _ => null,
    };
}
