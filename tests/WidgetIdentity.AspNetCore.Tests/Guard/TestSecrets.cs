namespace WidgetIdentity.Tests.Guard;

/// <summary>Clearly-marked test secrets: never real, never used outside tests.</summary>
internal static class TestSecrets
{
    /// <summary>A plain secret of the kind vendors issue.</summary>
    public const string Plain = "TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb";

    /// <summary>A secret full of characters that encoders escape: quotes, angle brackets, '+', '/', '%', '\', non-ASCII.</summary>
    public const string Awkward = "TEST-ONLY+/&<>\"'%\\=é€😀-42";
}
