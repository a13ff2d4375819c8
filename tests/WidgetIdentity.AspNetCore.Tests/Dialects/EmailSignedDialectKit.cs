using System.Security.Cryptography;
using System.Text;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Dialects;

/// <summary>What the tests of the vendors that sign the email (Crisp, Help Scout, Plain) share: the expected signature, computed here.</summary>
internal static class EmailSignedDialectKit
{
    public static readonly WidgetUser Jane = new("1") { FirstName = "Jane", LastName = "Doe", Email = "jane@example.com" };

    /// <summary>HMAC-SHA256 of <paramref name="email"/> under <paramref name="secret"/> (the test secret by default), lowercase hex.</summary>
    public static string Signature(string email, string secret = TestOptions.Secret) => DialectRun.Hmac(secret, email);

    public static (WidgetUser? Written, string Issues) Conform(VendorDialect dialect, WidgetUser user, string? widgetName = null) =>
        DialectRun.Conform(user, TestSigners.Widget(dialect, widgetName));

    /// <summary>The script for <paramref name="user"/> after the dialect's rules, signed under <paramref name="secret"/>.</summary>
    public static string Write(VendorDialect dialect, WidgetUser user, bool resetFirst = false, string secret = TestOptions.Secret)
    {
        var conformed = Conform(dialect, user).Written ?? throw new InvalidOperationException("the dialect left the user out");
        return WriteAsIs(dialect, conformed, resetFirst, secret);
    }

    /// <summary>The script for <paramref name="user"/> exactly as given (no rules applied), signed under <paramref name="secret"/>.</summary>
    public static string WriteAsIs(VendorDialect dialect, WidgetUser user, bool resetFirst = false, string secret = TestOptions.Secret)
    {
        var widget = new ResolvedWidget(null, Encoding.UTF8.GetBytes(secret), dialect, null, new WidgetClaimOptions(), Preview: false);
        var text = new StringBuilder();
        dialect.WriteUserData(new ScriptBuilder(text), user, new WidgetSigner(widget, "not-the-id-hash", TimeProvider.System), resetFirst);
        return text.ToString();
    }

    public static string Reset(VendorDialect dialect, out bool written)
    {
        var text = new StringBuilder();
        written = dialect.WriteReset(new ScriptBuilder(text));
        return text.ToString();
    }
}
