using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Rendering;

/// <summary>One site, two vendors: Intercom for customers at the root, Zendesk for staff as a named widget, each with its own settings.</summary>
public sealed partial class NamedWidgetsAcrossVendorsTests
{
    private const string StaffSecret = "TEST-ONLY-zendesk-staff-widget-secret-0123456789";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["WidgetIdentity:Secret"] = TestOptions.Secret,
        ["WidgetIdentity:Vendor"] = "Intercom",
        ["WidgetIdentity:AppId"] = "customers-app",
        ["WidgetIdentity:Widgets:staff:Vendor"] = "Zendesk",
        ["WidgetIdentity:Widgets:staff:Secret"] = StaffSecret,
        ["WidgetIdentity:Widgets:staff:KeyId"] = "app_staff_kid",
    };

    [Fact]
    public async Task The_root_Intercom_widget_and_the_named_Zendesk_widget_each_sign_with_their_own_settings()
    {
        var services = TestOptions.BuildServices(Settings);

        var customers = await RenderAsync(services, widget: null);
        var staff = await RenderAsync(services, widget: "staff");

        Assert.Contains("window.intercomSettings = {\"app_id\":\"customers-app\",\"user_id\":\"1\"", customers);
        Assert.DoesNotContain("zE(", customers);
        Assert.Contains("window.zE(\"messenger\", \"loginUser\"", staff);
        Assert.DoesNotContain("customers-app", staff); // Intercom's app id stays with the Intercom widget

        var token = Token().Match(staff).Groups["jwt"].Value;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(StaffSecret)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("app_staff_kid", ((JsonWebToken)result.SecurityToken).Kid);
        Assert.Equal("1", ((JsonWebToken)result.SecurityToken).GetClaim("external_id").Value);
    }

    [Fact]
    public void A_named_Zendesk_widget_without_its_key_id_is_a_start_up_error_naming_its_own_key()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["WidgetIdentity:Widgets:staff:KeyId"] = null };

        var failure = TestOptions.ValidationFailure(settings);

        Assert.Contains("WidgetIdentity:Widgets:staff:KeyId", failure.Message);
    }

    private static async Task<string> RenderAsync(IServiceProvider services, string? widget)
    {
        var context = new DefaultHttpContext { User = Principals.Jane, RequestServices = services };
        var html = await services.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, new ChatWidgetRequest { Widget = widget, IncludeScript = false });
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [GeneratedRegex("callback\\(\"(?<jwt>[A-Za-z0-9_\\-.]+)\"\\)")]
    private static partial Regex Token();
}
