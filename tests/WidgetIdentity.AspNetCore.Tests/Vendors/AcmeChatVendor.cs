using WidgetIdentity.Users;
using WidgetIdentity.Vendors;

// Acme Chat's loader snippet defines window.AcmeChat as a queue before this script runs.
public sealed class AcmeChatVendor : WidgetVendor
{
    public override string? DefaultScriptUrl => "https://cdn.acme-chat.example/loader.js";

    public override IReadOnlyList<string> SessionCookies => ["acme_chat_session"];

    public override void WriteUserData(WidgetScript script, WidgetUser user, string signature) =>
        script.Call("AcmeChat", "identify", new Dictionary<string, object?>
        {
            ["userId"] = user.Id,
            ["name"] = user.DisplayName,
            ["email"] = user.Email,
            ["signature"] = signature, // HMAC-SHA256 of the user id under the widget's secret
        });

    public override bool WriteReset(WidgetScript script)
    {
        script.Call("AcmeChat", "logout");
        return true;
    }
}
