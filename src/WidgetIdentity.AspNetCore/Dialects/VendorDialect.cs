using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// How one vendor expects to be told who the visitor is: the inline script written before its widget, the rules its
/// SDK enforces on the user, how it is told to forget a visitor, and the cookies it keeps on the site's domain.
/// </summary>
internal abstract class VendorDialect(string name, string? defaultScriptUrl)
{
    /// <summary>The vendor's name as configured in <c>WidgetIdentity:Vendor</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The vendor's own widget script, or <see langword="null"/> where its loader snippet is separate.</summary>
    public string? DefaultScriptUrl { get; } = defaultScriptUrl;

    /// <summary>The query string that tells the preview widget where this vendor's script would read the user data.</summary>
    public abstract string PreviewQuery { get; }

    /// <summary>
    /// The cookies the vendor's script keeps on the site's domain for a visitor's session, deleted at sign-out: exact
    /// names, or a prefix followed by <c>*</c>.
    /// </summary>
    public abstract IReadOnlyList<string> SessionCookies { get; }

    /// <summary>
    /// The user as this vendor's SDK accepts it: fields it would reject left out, required fields supplied by the
    /// widget's fallback; <see langword="null"/> when the identity must be left out. Every change is added to <paramref name="issues"/>.
    /// </summary>
    public abstract WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues);

    /// <summary>
    /// Writes the body of the inline user-data script: the user's fields and the hash of their id; first, when
    /// <paramref name="resetFirst"/>, the vendor's call that forgets the previous visitor.
    /// </summary>
    public abstract void WriteUserData(ScriptBuilder script, WidgetUser user, string userHash, bool resetFirst);

    /// <summary>Writes the script that makes the vendor forget the previous visitor; <see langword="false"/> when it has no such call.</summary>
    public abstract bool WriteReset(ScriptBuilder script);
}
