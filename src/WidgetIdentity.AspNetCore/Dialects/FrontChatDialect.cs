using WidgetIdentity.Configuration;
using WidgetIdentity.Rendering;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Dialects;

/// <summary>
/// Front Chat (dev.frontapp.com, "Identify users" and "Chat Widget SDK Reference"): <c>FrontChat('init', {chatId,
/// useDefaultLauncher, userId, email, name, customFields, userHash})</c>, the documented "init with verified identity". Front
/// verifies an HMAC-SHA256 (lowercase hex) of the email, or of the user id when a user id is passed ("the user hash must
/// explicitly be generated from a user ID, if a user ID is being passed"): the tag always passes the id, so it signs the id
/// and never depends on an email. <c>window.FrontChat</c> exists only once <c>chat.bundle.js</c> has run, and Front documents
/// no queue, so the call waits for the document to be parsed (the bundle, written after this script, has run by then) and,
/// if the bundle is still loading (a site that loads it async), for the window's load event. Reset:
/// <c>FrontChat('shutdown', {clearSession: true})</c>, which removes Front's session cookies and the identity.
/// </summary>
internal sealed class FrontChatDialect() : VendorDialect("FrontChat", DefaultBundleUrl)
{
    /// <summary>The bundle Front's installation snippet loads.</summary>
    public const string DefaultBundleUrl = "https://chat-assets.frontapp.com/v1/chat.bundle.js";

    // Runs the function it is given once window.FrontChat can be called.
    private const string WhenReady =
        "(function (run) {\n"
        + "  function start() { if (typeof window.FrontChat === \"function\") { run(); } else { window.addEventListener(\"load\", run, { once: true }); } }\n"
        + "  if (document.readyState === \"loading\") { document.addEventListener(\"DOMContentLoaded\", start, { once: true }); } else { start(); }\n"
        + "})(function () {\n  ";

    private const string Shutdown = "window.FrontChat(\"shutdown\", {\"clearSession\":true});";

    public override string? PreviewQuery => "mode=frontchat";

    // Front documents that shutdown with clearSession removes "the Front Chat cookies associated with the chat session", but
    // not their names: none are listed here (add them with SignOutCookies once known), and the reset call clears them.
    public override IReadOnlyList<string> SessionCookies { get; } = [];

    public override void Validate(VendorSettings settings, List<string> failures)
    {
        base.Validate(settings, failures); // Front verifies an HMAC only: Signing is not a choice
        DialectRules.RequireAppId(settings, failures, "Front Chat's init call needs your chat's chatId",
            "in Front, Settings > Inboxes > (your chat inbox) > (your chat channel) > Installation, copy the chatId from the widget snippet");
    }

    public override WidgetUser? Conform(WidgetUser user, ResolvedWidget widget, UserDataIssues issues)
    {
        // Front: "The value of the email field should be a valid email address" (it links the conversation to a contact).
        // Only the fields Front documents for the identity: name, email and customFields (no limits are documented).
        return new WidgetUser(user.Id)
        {
            Name = user.DisplayName,
            Email = AcceptedFields.Email(user, Name, issues),
            CustomAttributes = CustomAttributeValues.Conform(user.CustomAttributes, issues),
        };
    }

    public override void WriteUserData(ScriptBuilder script, WidgetUser user, WidgetSigner signer, bool resetFirst)
    {
        // The AppId is required at start-up; an empty string only for a widget built outside the options.
        var chatId = signer.AppId ?? "";
        script.Raw(WhenReady);
        if (resetFirst)
        {
            // Front documents shutdown on a started widget, and a second init only after shutdown: start it without a launcher,
            // clear the previous visitor's session once it is up, then start it again for this user.
            script.Raw("window.FrontChat(\"init\", {\"chatId\":").String(chatId)
                .Raw(",\"useDefaultLauncher\":false,\"onInitCompleted\":function () {\n    ")
                .Raw(Shutdown).Raw("\n    ");
            WriteInit(script, user, signer, chatId);
            script.Raw("\n  }});\n});");
            return;
        }

        WriteInit(script, user, signer, chatId);
        script.Raw("\n});");
    }

    // Front's widget appears only once init has run, and init needs the chat id: a visitor the widget is told nothing about
    // gets init without identity (after the previous visitor's session is cleared, as for a new user).
    public override bool WriteAnonymous(ScriptBuilder script, ResolvedWidget widget, bool resetFirst)
    {
        var chatId = widget.AppId ?? "";
        script.Raw(WhenReady);
        if (resetFirst)
        {
            script.Raw("window.FrontChat(\"init\", {\"chatId\":").String(chatId)
                .Raw(",\"useDefaultLauncher\":false,\"onInitCompleted\":function () {\n    ")
                .Raw(Shutdown).Raw("\n    ");
            WriteAnonymousInit(script, chatId);
            script.Raw("\n  }});\n});");
            return true;
        }

        WriteAnonymousInit(script, chatId);
        script.Raw("\n});");
        return true;
    }

    public override bool WriteReset(ScriptBuilder script)
    {
        script.Raw(WhenReady).Raw(Shutdown).Raw("\n});");
        return true;
    }

    private static void WriteAnonymousInit(ScriptBuilder script, string chatId) =>
        script.Raw("window.FrontChat(\"init\", ").Fields([("chatId", chatId), ("useDefaultLauncher", true)]).Raw(");");

    private static void WriteInit(ScriptBuilder script, WidgetUser user, WidgetSigner signer, string chatId) =>
        script.Raw("window.FrontChat(\"init\", ").Fields(
            [
                ("chatId", chatId),
                ("useDefaultLauncher", true),
                ("userId", user.Id),
                ("email", user.Email),
                ("name", user.DisplayName),
                ("customFields", user.CustomAttributes),
                ("userHash", signer.IdHash),
            ]).Raw(");");
}
