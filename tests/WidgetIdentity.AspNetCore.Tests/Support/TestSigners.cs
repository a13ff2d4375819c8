using System.Text;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Signing;

namespace WidgetIdentity.Tests.Support;

/// <summary>Signers for dialect tests: the id's hash given as a literal, HMACs and JWTs under the test secret.</summary>
internal static class TestSigners
{
    public static ResolvedWidget Widget(VendorDialect dialect, string? name = null) =>
        new(name, Encoding.UTF8.GetBytes(TestOptions.Secret), dialect, null, new WidgetClaimOptions(), Preview: false);

    public static WidgetSigner WithIdHash(string idHash, ResolvedWidget? widget = null, TimeProvider? time = null) =>
        new(widget ?? Widget(VendorDialects.Ainisa), idHash, time ?? TimeProvider.System);
}
