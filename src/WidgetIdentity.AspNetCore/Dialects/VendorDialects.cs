namespace WidgetIdentity.Dialects;

/// <summary>The supported vendors, looked up by configured name (case-insensitive).</summary>
internal static class VendorDialects
{
    public static readonly VendorDialect Ainisa =
        new GlobalObjectDialect("Ainisa", "https://chatbot.ainisa.com/widget.js", "window.ainisaUser");

    public static readonly VendorDialect Chatku = new ReadyEventDialect("Chatku", "chatbot:ready", "window.$chatbot");

    public static readonly VendorDialect Chatwoot = new ReadyEventDialect("Chatwoot", "chatwoot:ready", "window.$chatwoot");

    public static readonly VendorDialect Crisp = new CrispDialect();

    public static readonly VendorDialect HelpScout = new HelpScoutDialect();

    public static readonly VendorDialect Plain = new PlainDialect();

    public static readonly VendorDialect Intercom = new IntercomDialect();

    public static readonly VendorDialect Zendesk = new ZendeskDialect();

    public static readonly VendorDialect Chatbase = new ChatbaseDialect();

    public static readonly VendorDialect FrontChat = new FrontChatDialect();

    public static readonly VendorDialect Gleap = new GleapDialect();

    public static readonly VendorDialect Featurebase = new FeaturebaseDialect();

    /// <summary>The vendor name that asks for the preview widget with Ainisa's format.</summary>
    public const string PreviewVendor = "Preview";

    private static readonly Dictionary<string, VendorDialect> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ainisa"] = Ainisa,
        ["Chatku"] = Chatku,
        ["ChatkuAI"] = Chatku,
        ["Mampu"] = Chatku,
        ["MampuAI"] = Chatku,
        ["Chatwoot"] = Chatwoot,
        ["Crisp"] = Crisp,
        ["HelpScout"] = HelpScout,
        ["Plain"] = Plain,
        ["Intercom"] = Intercom,
        ["Zendesk"] = Zendesk,
        ["Chatbase"] = Chatbase,
        ["FrontChat"] = FrontChat,
        ["Gleap"] = Gleap,
        ["Featurebase"] = Featurebase,
        [PreviewVendor] = Ainisa,
    };

    /// <summary>The names users may configure, for error messages.</summary>
    public static string SupportedNames => "Ainisa, Chatku (also ChatkuAI, Mampu, MampuAI), Chatwoot, Intercom, Crisp, HelpScout, FrontChat, Gleap, Chatbase, Zendesk, Featurebase, Plain, or Preview (development)";

    public static VendorDialect? Find(string? name) =>
        name is not null && ByName.TryGetValue(name.Trim(), out var dialect) ? dialect : null;
}
