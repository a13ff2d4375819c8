using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;

namespace WidgetIdentity.Tests.Rendering;

public sealed class WidgetIdentityRendererTests
{
    private const string SupportSecret = "TEST-ONLY-support-widget-secret-42";
    private const string AinisaScript = "<script src=\"https://chatbot.ainisa.com/widget.js\"></script>";

    // Expected hashes computed once outside .NET, never by the package under test:
    //   python3 -c 'import hmac,hashlib;print(hmac.new(b"<secret>",b"<id>",hashlib.sha256).hexdigest())'
    private const string HashOf1 = "6d33a5d241b9dbef9813f3ea9d840423b426cdf33dc236d65341c07baec15d49"; // TestOptions.Secret, "1"
    private const string HashOfE9 = "e16940a00650788a70cecaaba722492fbfc0c494b31a364445bb79c7def36706"; // TestOptions.Secret, "E-9"
    private const string HashOfCrm77 = "56a55ea6283a532b1cb421ba4560a592d62ad2a9cdd2d96e23d45570854aa7ae"; // TestOptions.Secret, "crm-77"
    private const string HashOf42 = "8413f22096e0e2abbb5fa6f896bdc7d9e862a198afee37824223c87c045c7bcc"; // TestOptions.Secret, "42"
    private const string SupportHashOf1 = "ed25feaa02326ee86d9adbc5b9af8a8ef6e95e2b7c43de4530868e5b48a4a63a"; // SupportSecret, "1"

    private readonly ListLoggerProvider _logs = new();
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["WidgetIdentity:Secret"] = TestOptions.Secret,
        ["WidgetIdentity:Vendor"] = "Ainisa",
    };

    [Fact]
    public async Task An_anonymous_visitor_gets_only_the_vendor_widget_script()
    {
        var context = Context(Principals.Anonymous);

        Assert.Equal(AinisaScript, await Render(context, new ChatWidgetRequest()));
        Assert.False(context.Response.Headers.ContainsKey("Cache-Control"), "an anonymous page stays cacheable");
    }

    [Fact]
    public async Task An_anonymous_visitor_of_a_vendor_without_a_default_script_gets_nothing()
    {
        _settings["WidgetIdentity:Vendor"] = "Chatku";

        Assert.Equal("", await Render(Context(Principals.Anonymous), new ChatWidgetRequest()));
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_user_data_script_before_the_widget_script()
    {
        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest());

        Assert.Equal(
            $$"""<script>window.ainisaUser = {"user_id":"1","user_hash":"{{HashOf1}}","firstname":"Jane","lastname":"Doe","email":"jane@example.com"};</script>""" + "\n" + AinisaScript,
            html);
    }

    [Fact]
    public async Task A_response_carrying_an_identity_is_marked_no_store_private()
    {
        var context = Context(Principals.Jane);

        await Render(context, new ChatWidgetRequest());

        Assert.Equal("no-store, private", context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_response_carrying_an_identity_is_opted_out_of_output_caching()
    {
        var context = Context(Principals.Jane);
        var outputCache = new OutputCacheFeature(context);
        context.Features.Set<IOutputCacheFeature>(outputCache);

        await Render(context, new ChatWidgetRequest());

        Assert.False(outputCache.Context.AllowCacheStorage);
    }

    [Fact]
    public async Task Include_script_false_writes_only_the_user_data()
    {
        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest { IncludeScript = false });

        Assert.StartsWith("<script>window.ainisaUser", html);
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public async Task The_nonce_is_on_every_script_written()
    {
        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest { Nonce = "r4nd0m+/Nonce==" });

        Assert.Equal(2, html.Split("<script").Length - 1);
        Assert.Equal(2, html.Split(" nonce=\"r4nd0m+/Nonce==\"").Length - 1);
    }

    [Fact]
    public async Task A_configured_script_url_is_attribute_encoded()
    {
        _settings["WidgetIdentity:ScriptUrl"] = "https://cdn.example/widget.js?site=1&lang=en";

        var html = await Render(Context(Principals.Anonymous), new ChatWidgetRequest());

        Assert.Equal("<script src=\"https://cdn.example/widget.js?site=1&amp;lang=en\"></script>", html);
    }

    [Fact]
    public async Task An_invalid_nonce_is_a_clear_error_that_shows_no_secret()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Render(Context(Principals.Jane), new ChatWidgetRequest { Nonce = "\"><script>alert(1)</script>" }));

        Assert.Contains("nonce attribute of <chat-widget-user />", error.Message);
        Assert.DoesNotContain(TestOptions.Secret, error.Message);
    }

    [Fact]
    public async Task A_widget_name_that_is_not_configured_is_a_clear_error_at_render_time()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Render(Context(Principals.Jane), new ChatWidgetRequest { Widget = "billing" }));

        Assert.Contains("WidgetIdentity:Widgets:billing", error.Message);
        Assert.DoesNotContain(TestOptions.Secret, error.Message);
    }

    [Fact]
    public async Task A_named_widget_uses_its_own_vendor_and_secret()
    {
        _settings["WidgetIdentity:Widgets:support:Vendor"] = "Chatku";
        _settings["WidgetIdentity:Widgets:support:Secret"] = SupportSecret;

        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest { Widget = "Support" });

        Assert.Contains($"\"identifier_hash\":\"{SupportHashOf1}\"", html);
        Assert.DoesNotContain("ainisa", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_named_widget_falls_back_to_the_root_secret_and_claims()
    {
        _settings["WidgetIdentity:Claims:UserId"] = "employee_id";
        _settings["WidgetIdentity:Widgets:support:Vendor"] = "Chatwoot";
        var user = Principals.SignedIn(("employee_id", "E-9"));

        var html = await Render(Context(user), new ChatWidgetRequest { Widget = "support" });

        Assert.Contains($"setUser(\"E-9\", {{\"name\":\"E-9\",\"identifier_hash\":\"{HashOfE9}\"}})", html);
    }

    [Fact]
    public async Task A_named_widget_of_another_vendor_does_not_load_the_root_script_url()
    {
        _settings["WidgetIdentity:ScriptUrl"] = "https://cdn.example/ainisa.js";
        _settings["WidgetIdentity:Widgets:support:Vendor"] = "Chatku";
        _settings["WidgetIdentity:Widgets:sales:Vendor"] = "ainisa";

        Assert.Equal("", await Render(Context(Principals.Anonymous), new ChatWidgetRequest { Widget = "support" }));
        Assert.Equal("<script src=\"https://cdn.example/ainisa.js\"></script>", await Render(Context(Principals.Anonymous), new ChatWidgetRequest { Widget = "sales" }));
    }

    [Fact]
    public async Task Attributes_override_the_claims()
    {
        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest { UserId = "crm-77", Email = "override@example.com" });

        Assert.Contains($"\"user_id\":\"crm-77\",\"user_hash\":\"{HashOfCrm77}\"", html);
        Assert.Contains("\"firstname\":\"Jane\"", html);
        Assert.Contains("\"email\":\"override@example.com\"", html);
    }

    [Fact]
    public async Task A_user_id_with_a_lone_surrogate_is_written_and_signed_as_U_FFFD()
    {
        // Plain Fact: xunit's theory serialization would itself mangle lone surrogates. "a" U+FFFD "b" hashed outside .NET:
        //   python3 -c 'import hmac,hashlib;print(hmac.new(b"TEST-ONLY-widget-secret-0123456789",b"a\xef\xbf\xbdb",hashlib.sha256).hexdigest())'
        const string hashOfReplaced = "623f29d1c908e55be4fe98b542825bd301104dcb05fdd3bf432f7e403ddc31c4";

        var html = await Render(Context(Principals.Anonymous), new ChatWidgetRequest { UserId = "a\uD83Db" });

        var userData = JsonDocument.Parse(html[(html.IndexOf('{', StringComparison.Ordinal))..(html.IndexOf("};", StringComparison.Ordinal) + 1)]).RootElement;
        Assert.Equal("a\uFFFDb", userData.GetProperty("user_id").GetString());
        Assert.Equal(hashOfReplaced, userData.GetProperty("user_hash").GetString());
    }

    [Fact]
    public async Task A_user_id_attribute_identifies_a_visitor_the_claims_do_not()
    {
        var html = await Render(Context(Principals.Anonymous), new ChatWidgetRequest { UserId = "guest-5", Name = "Guest" });

        Assert.Contains("\"user_id\":\"guest-5\"", html);
    }

    [Fact]
    public async Task No_personal_data_is_written_when_consent_is_needed_and_not_given()
    {
        var context = Context(Principals.Jane);
        context.Features.Set<ITrackingConsentFeature>(new Consent(needed: true, given: false));

        Assert.Equal(AinisaScript, await Render(context, new ChatWidgetRequest()));
    }

    [Fact]
    public async Task The_user_is_identified_once_consent_is_given()
    {
        var context = Context(Principals.Jane);
        context.Features.Set<ITrackingConsentFeature>(new Consent(needed: true, given: true));

        Assert.Contains("window.ainisaUser", await Render(context, new ChatWidgetRequest()));
    }

    [Fact]
    public async Task The_identity_is_withheld_with_a_warning_when_the_response_has_already_started()
    {
        var context = Context(Principals.Jane);
        context.Features.Set<IHttpResponseFeature>(new StartedResponse());

        Assert.Equal(AinisaScript, await Render(context, new ChatWidgetRequest()));
        Assert.Contains(_logs.Entries, entry => entry.EventId.Name == "IdentityWithheldResponseStarted");
    }

    [Fact]
    public async Task A_user_the_vendor_would_reject_is_adjusted_with_one_warning_naming_the_settings_and_no_values()
    {
        _settings["WidgetIdentity:Vendor"] = "Chatwoot";
        var user = Principals.SignedIn((ClaimTypes.NameIdentifier, "42"), ("picture", "/me.png"), (ClaimTypes.MobilePhone, "555-0101"));

        var html = await Render(Context(user), new ChatWidgetRequest());

        Assert.Contains($"setUser(\"42\", {{\"name\":\"42\",\"identifier_hash\":\"{HashOf42}\"}});", html);
        var warning = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal("UserDataAdjusted", warning.EventId.Name);
        Assert.Contains("WidgetIdentity:Claims:AvatarUrl", warning.Message);
        Assert.Contains("WidgetIdentity:Claims:PhoneNumber", warning.Message);
        Assert.Contains("WidgetIdentity:FallbackName", warning.Message);
        Assert.DoesNotContain("/me.png", warning.Message);
        Assert.DoesNotContain("555-0101", warning.Message);
    }

    [Fact]
    public async Task Tag_attributes_set_the_fields_the_claims_do_not_carry()
    {
        _settings["WidgetIdentity:Vendor"] = "Chatwoot";

        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest
        {
            AvatarUrl = "https://cdn.example/jane.png", PhoneNumber = "+44 20 7946 0958", CompanyName = "Acme", Description = "Trial",
            CountryCode = "gb", City = "London",
        });

        Assert.Contains("\"avatar_url\":\"https://cdn.example/jane.png\",\"phone_number\":\"+442079460958\",\"company_name\":\"Acme\",\"description\":\"Trial\",\"country_code\":\"GB\",\"city\":\"London\"", html);
    }

    [Fact]
    public async Task A_custom_resolver_supplies_custom_attributes_for_setCustomAttributes()
    {
        _settings["WidgetIdentity:Vendor"] = "Chatku";
        var context = Context(Principals.Anonymous, new FixedUserResolver(new WidgetUser("c-1")
        {
            Email = "c1@example.com",
            CustomAttributes = new Dictionary<string, object?> { ["plan"] = "pro", ["orders"] = 3L },
        }));

        var html = await Render(context, new ChatWidgetRequest());

        Assert.Contains("window.$chatbot.setCustomAttributes({\"plan\":\"pro\",\"orders\":3});", html);
    }

    [Fact]
    public async Task A_scoped_resolver_over_the_apps_own_services_is_used_per_request()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        await using var root = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddWidgetIdentity()
            .AddScoped<IWidgetUserResolver>(_ => new FixedUserResolver(new WidgetUser("db-5") { FirstName = "Stored" }))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = root.CreateAsyncScope();
        var context = new DefaultHttpContext { User = Principals.Jane, RequestServices = scope.ServiceProvider };

        var html = await Render(context, new ChatWidgetRequest());

        Assert.Contains("\"user_id\":\"db-5\"", html);
        Assert.Contains("\"firstname\":\"Stored\"", html);
    }

    [Fact]
    public async Task Blank_fields_from_an_apps_resolver_count_as_unknown_so_the_sdk_never_gets_an_empty_name()
    {
        _settings["WidgetIdentity:Vendor"] = "Chatwoot";
        var context = Context(Principals.Anonymous, new FixedUserResolver(new WidgetUser("c-2") { Name = "", Email = " ", AvatarUrl = "\t" }));

        var html = await Render(context, new ChatWidgetRequest());

        Assert.Contains($"setUser(\"c-2\", {{\"name\":\"c-2\",\"identifier_hash\":", html);
    }

    [Fact]
    public async Task A_resolver_that_returns_an_empty_id_leaves_the_visitor_anonymous_with_a_warning()
    {
        var context = Context(Principals.Jane, new FixedUserResolver(new WidgetUser(" ") { Email = "x@example.com" }));

        Assert.Equal(AinisaScript, await Render(context, new ChatWidgetRequest()));
        Assert.Contains(_logs.Entries, entry => entry.EventId.Name == "ResolvedUserWithoutId" && entry.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task The_secret_is_never_in_the_rendered_output()
    {
        var html = await Render(Context(Principals.Jane), new ChatWidgetRequest());

        Assert.DoesNotContain(TestOptions.Secret, html);
    }

    private DefaultHttpContext Context(ClaimsPrincipal user, IWidgetUserResolver? resolver = null) => new()
    {
        User = user,
        RequestServices = TestOptions.BuildServices(_settings, services: services =>
        {
            services.AddLogging(builder => builder.AddProvider(_logs));
            if (resolver is not null)
            {
                services.AddSingleton(resolver);
            }
        }),
    };

    private sealed class FixedUserResolver(WidgetUser user) : IWidgetUserResolver
    {
        public ValueTask<WidgetUser?> ResolveAsync(HttpContext context, WidgetClaimOptions claims) => ValueTask.FromResult<WidgetUser?>(user);
    }

    private static async Task<string> Render(HttpContext context, ChatWidgetRequest request)
    {
        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, request);
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private sealed class OutputCacheFeature(HttpContext httpContext) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = httpContext, AllowCacheStorage = true };
    }

    private sealed class Consent(bool needed, bool given) : ITrackingConsentFeature
    {
        public bool IsConsentNeeded => needed;

        public bool HasConsent => given;

        public bool CanTrack => !needed || given;

        public string CreateConsentCookie() => "";

        public void GrantConsent()
        {
        }

        public void WithdrawConsent()
        {
        }
    }

    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
