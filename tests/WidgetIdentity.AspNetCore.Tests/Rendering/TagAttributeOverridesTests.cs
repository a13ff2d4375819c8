using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Rendering;
using WidgetIdentity.Tests.Support;
using WidgetIdentity.Users;
using WidgetIdentity.Vendors;

namespace WidgetIdentity.Tests.Rendering;

/// <summary>
/// Each field a tag attribute sets (<c>email="..."</c>, <c>city="..."</c>, ...) replaces that field of the user, and only
/// that one; blank values count as unknown. Read through a vendor that writes every field it is given.
/// </summary>
public sealed class TagAttributeOverridesTests
{
    /// <summary>The user's fields; the tag's attribute for <c>Id</c> is <c>user-id</c> (<see cref="ChatWidgetRequest.UserId"/>).</summary>
    private static readonly string[] FieldNames =
        ["Id", "Email", "Name", "FirstName", "LastName", "AvatarUrl", "PhoneNumber", "CompanyName", "Description", "CountryCode", "City"];

    public static readonly TheoryData<string> Fields = [.. FieldNames];

    public static readonly TheoryData<string> OptionalFields = [.. FieldNames.Skip(1)];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task An_attribute_replaces_its_field_and_keeps_every_other_field_the_app_knows(string field)
    {
        var request = Request((field == "Id" ? "UserId" : field, "tag"));

        var written = await Render(FromResolver(UserWith()), request);

        Assert.Equal(Expected(field, "tag"), written);
    }

    [Theory]
    [MemberData(nameof(OptionalFields))]
    public async Task A_blank_attribute_keeps_the_field_the_app_knows(string field)
    {
        var written = await Render(FromResolver(UserWith()), Request((field, " ")));

        Assert.Equal(Expected(), written);
    }

    [Theory]
    [MemberData(nameof(OptionalFields))]
    public async Task A_blank_field_from_the_apps_resolver_is_left_out(string field)
    {
        var written = await Render(FromResolver(UserWith((field, "\t"))), new ChatWidgetRequest());

        Assert.Equal(Expected(field, null), written);
    }

    [Fact]
    public async Task A_user_id_attribute_identifies_an_anonymous_visitor_with_only_the_fields_the_tag_gives()
    {
        var written = await Render(FromResolver(null), Request(("UserId", "guest-5"), ("City", "Leeds")));

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "guest-5", ["City"] = "Leeds" }, written);
    }

    [Fact]
    public async Task Attributes_without_a_user_id_leave_an_anonymous_visitor_anonymous()
    {
        var context = FromResolver(null);

        var html = await RenderHtml(context, Request(("Email", "guest@example.com"), ("UserId", " ")));

        Assert.Equal("", html);
        Assert.False(context.Response.Headers.ContainsKey("Cache-Control"), "an anonymous page stays cacheable");
    }

    [Fact]
    public async Task An_attribute_keeps_the_custom_attributes_the_app_knows()
    {
        var user = new WidgetUser("app-Id") { CustomAttributes = new Dictionary<string, object?> { ["plan"] = "gold" } };

        var written = await Render(FromResolver(user), Request(("Email", "tag")));

        Assert.Equal(new Dictionary<string, string> { ["Id"] = "app-Id", ["Email"] = "tag", ["plan"] = "gold" }, written);
    }

    private static ChatWidgetRequest Request(params (string Property, string Value)[] attributes)
    {
        var request = new ChatWidgetRequest { IncludeScript = false };
        foreach (var (property, value) in attributes)
        {
            typeof(ChatWidgetRequest).GetProperty(property)!.SetValue(request, value);
        }

        return request;
    }

    /// <summary>A user whose every field is <c>app-Field</c>, except the ones given.</summary>
    private static WidgetUser UserWith(params (string Field, string Value)[] except)
    {
        var user = new WidgetUser("app-Id");
        foreach (var field in FieldNames.Skip(1))
        {
            var value = except.FirstOrDefault(pair => pair.Field == field).Value ?? $"app-{field}";
            typeof(WidgetUser).GetProperty(field)!.SetValue(user, value);
        }

        return user;
    }

    /// <summary>Every field as <c>app-Field</c>, but <paramref name="field"/> as <paramref name="value"/> (left out when null).</summary>
    private static Dictionary<string, string> Expected(string? field = null, string? value = null)
    {
        var expected = FieldNames.ToDictionary(name => name, name => $"app-{name}");
        if (field is not null)
        {
            expected.Remove(field);
            if (value is not null)
            {
                expected[field] = value;
            }
        }

        return expected;
    }

    private static DefaultHttpContext FromResolver(WidgetUser? user) => new()
    {
        User = Principals.Anonymous,
        RequestServices = TestOptions.BuildServices(
            new Dictionary<string, string?> { ["WidgetIdentity:Secret"] = TestOptions.Secret, ["WidgetIdentity:Vendor"] = "EveryField" },
            services: services => services
                .AddWidgetVendor<EveryFieldVendor>("EveryField")
                .AddSingleton<IWidgetUserResolver>(new FixedUserResolver(user))),
    };

    /// <summary>The fields written, those the vendor got as null left out.</summary>
    private static async Task<Dictionary<string, string>> Render(HttpContext context, ChatWidgetRequest request)
    {
        var html = await RenderHtml(context, request);
        var json = html[html.IndexOf('{', StringComparison.Ordinal)..(html.LastIndexOf('}') + 1)];
        return JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value!);
    }

    private static async Task<string> RenderHtml(HttpContext context, ChatWidgetRequest request)
    {
        var html = await context.RequestServices.GetRequiredService<WidgetIdentityRenderer>().RenderAsync(context, request);
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private sealed class FixedUserResolver(WidgetUser? user) : IWidgetUserResolver
    {
        public ValueTask<WidgetUser?> ResolveAsync(HttpContext context, WidgetClaimOptions claims) => ValueTask.FromResult(user);
    }

    private sealed class EveryFieldVendor : WidgetVendor
    {
        public override void WriteUserData(WidgetScript script, WidgetUser user, string signature) =>
            script.Assign("everyField", new Dictionary<string, object?>
            {
                ["Id"] = user.Id, ["Email"] = user.Email, ["Name"] = user.Name, ["FirstName"] = user.FirstName, ["LastName"] = user.LastName,
                ["AvatarUrl"] = user.AvatarUrl, ["PhoneNumber"] = user.PhoneNumber, ["CompanyName"] = user.CompanyName,
                ["Description"] = user.Description, ["CountryCode"] = user.CountryCode, ["City"] = user.City,
                ["plan"] = user.CustomAttributes?.GetValueOrDefault("plan"),
            });
    }
}
