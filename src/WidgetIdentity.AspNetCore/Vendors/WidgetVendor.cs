using WidgetIdentity.Users;

namespace WidgetIdentity.Vendors;

/// <summary>
/// A chat widget vendor of your own, registered with <c>builder.Services.AddWidgetVendor&lt;TVendor&gt;("Name")</c> and then
/// configured like a built-in one (<c>"Vendor": "Name"</c>). It writes through <see cref="WidgetScript"/>, which escapes
/// every value, so it cannot produce script a user's data could break out of.
/// </summary>
public abstract class WidgetVendor
{
    /// <summary>What the vendor verifies; the signature passed to <see cref="WriteUserData"/> is its HMAC. Defaults to the user id.</summary>
    public virtual WidgetSignedValue SignedValue => WidgetSignedValue.UserId;

    /// <summary>The vendor's widget script, loaded after the user data unless the widget configures its own <c>ScriptUrl</c>.</summary>
    public virtual string? DefaultScriptUrl => null;

    /// <summary>The cookies the vendor's script keeps on the site's domain for the visitor (names, or a prefix and <c>*</c>), deleted at sign-out.</summary>
    public virtual IReadOnlyList<string> SessionCookies => [];

    /// <summary>Writes the user data the vendor's script reads. Fields of <paramref name="user"/> that are unknown are <see langword="null"/>.</summary>
    /// <param name="script">The script being written.</param>
    /// <param name="user">The visitor.</param>
    /// <param name="signature">The HMAC-SHA256 (lowercase hex) of the user id or email, as <see cref="SignedValue"/> says.</param>
    public abstract void WriteUserData(WidgetScript script, WidgetUser user, string signature);

    /// <summary>
    /// Writes the vendor's logout or reset call, which makes the widget forget the previous visitor (after a sign-out, or
    /// before another user is identified). Returns <see langword="false"/>, writing nothing, when the vendor has none.
    /// </summary>
    public virtual bool WriteReset(WidgetScript script) => false;
}
