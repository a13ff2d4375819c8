using WidgetIdentity.Rendering;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>How one vendor expects to be told who the visitor is: the inline script written before its widget.</summary>
internal abstract class VendorDialect(string name, string? defaultScriptUrl)
{
    /// <summary>The vendor's name as configured in <c>WidgetIdentity:Vendor</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The vendor's own widget script, or <see langword="null"/> where its loader snippet is separate.</summary>
    public string? DefaultScriptUrl { get; } = defaultScriptUrl;

    /// <summary>The query string that tells the preview widget where this vendor's script would read the user data.</summary>
    public abstract string PreviewQuery { get; }

    /// <summary>Writes the body of the inline user-data script: the user's fields and the hash of their id.</summary>
    public abstract void WriteUserData(ScriptBuilder script, WidgetUser user, string userHash);
}
