using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
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

    /// <summary>
    /// The query string that tells the preview widget where this vendor's script would read the user data;
    /// <see langword="null"/> where the preview widget cannot stand in for this vendor.
    /// </summary>
    public abstract string? PreviewQuery { get; }

    /// <summary>Whether this vendor, with the widget's <paramref name="signing"/> choice, is given a JWT (so the secret must be a usable HS256 key).</summary>
    public virtual bool SignsJwt(WidgetSigning? signing) => false;

    /// <summary>Adds a failure for each vendor setting that is missing or wrong (an app id the script needs, a signing choice it does not offer).</summary>
    public virtual void Validate(VendorSettings settings, List<string> failures)
    {
        if (settings.Signing is not null)
        {
            failures.Add($"{settings.KeyPrefix}:Signing is set, but {Name} offers one way to sign only: remove the setting.");
        }
    }

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
    /// Writes the body of the inline user-data script: the user's fields and what the vendor verifies (asked of
    /// <paramref name="signer"/>); first, when
    /// <paramref name="resetFirst"/>, the vendor's call that forgets the previous visitor.
    /// </summary>
    public abstract void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst);

    /// <summary>
    /// Writes the script for a visitor the widget is told nothing about: the vendor's reset call when
    /// <paramref name="resetFirst"/> (someone was identified on this browser before), and, for vendors whose widget starts
    /// only from a call that names the workspace, that call without identity. <see langword="false"/> when nothing is written.
    /// </summary>
    public virtual bool WriteAnonymous(ScriptBuilder script, ResolvedWidget widget, bool resetFirst) => resetFirst && WriteReset(script);

    /// <summary>Writes the script that makes the vendor forget the previous visitor; <see langword="false"/> when it has no such call.</summary>
    public abstract bool WriteReset(ScriptBuilder script);
}
