using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.TagHelpers;

/// <summary>
/// <c>&lt;chat-widget-user /&gt;</c>: writes the signed-in user's data for the configured chat widget, then the
/// widget's script. Put it in the layout, before any other script of the widget's.
/// </summary>
[HtmlTargetElement(TagName)]
public sealed class ChatWidgetUserTagHelper : TagHelper
{
    private const string TagName = "chat-widget-user";
    private const string WidgetAttributeName = "widget";
    private const string NonceAttributeName = "nonce";
    private const string UserIdAttributeName = "user-id";
    private const string EmailAttributeName = "email";
    private const string NameAttributeName = "name";
    private const string FirstNameAttributeName = "first-name";
    private const string LastNameAttributeName = "last-name";
    private const string AvatarUrlAttributeName = "avatar-url";
    private const string PhoneNumberAttributeName = "phone-number";
    private const string CompanyNameAttributeName = "company-name";
    private const string DescriptionAttributeName = "description";
    private const string CountryCodeAttributeName = "country-code";
    private const string CityAttributeName = "city";
    private const string IncludeScriptAttributeName = "include-script";

    private readonly WidgetIdentityRenderer _renderer;

    /// <summary>Creates the tag helper; activated by MVC with the renderer from dependency injection.</summary>
    public ChatWidgetUserTagHelper(WidgetIdentityRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        _renderer = renderer;
    }

    /// <summary>A named widget configured under <c>WidgetIdentity:Widgets</c>; the root widget when left out.</summary>
    [HtmlAttributeName(WidgetAttributeName)]
    public string? Widget { get; set; }

    /// <summary>The Content-Security-Policy nonce put on every script written.</summary>
    [HtmlAttributeName(NonceAttributeName)]
    public string? Nonce { get; set; }

    /// <summary>The user id to sign, instead of the one in the claims.</summary>
    [HtmlAttributeName(UserIdAttributeName)]
    public string? UserId { get; set; }

    /// <summary>The email address, instead of the one in the claims.</summary>
    [HtmlAttributeName(EmailAttributeName)]
    public string? Email { get; set; }

    /// <summary>The full name, instead of the one in the claims.</summary>
    [HtmlAttributeName(NameAttributeName)]
    public string? Name { get; set; }

    /// <summary>The first name, instead of the one in the claims.</summary>
    [HtmlAttributeName(FirstNameAttributeName)]
    public string? FirstName { get; set; }

    /// <summary>The last name, instead of the one in the claims.</summary>
    [HtmlAttributeName(LastNameAttributeName)]
    public string? LastName { get; set; }

    /// <summary>The URL of the user's picture (absolute http(s)), instead of the one in the claims.</summary>
    [HtmlAttributeName(AvatarUrlAttributeName)]
    public string? AvatarUrl { get; set; }

    /// <summary>The phone number, instead of the one in the claims.</summary>
    [HtmlAttributeName(PhoneNumberAttributeName)]
    public string? PhoneNumber { get; set; }

    /// <summary>The user's company, for vendors that take it.</summary>
    [HtmlAttributeName(CompanyNameAttributeName)]
    public string? CompanyName { get; set; }

    /// <summary>A description of the user, for vendors that take it.</summary>
    [HtmlAttributeName(DescriptionAttributeName)]
    public string? Description { get; set; }

    /// <summary>The user's two-letter country code, for vendors that take it.</summary>
    [HtmlAttributeName(CountryCodeAttributeName)]
    public string? CountryCode { get; set; }

    /// <summary>The user's city, for vendors that take it.</summary>
    [HtmlAttributeName(CityAttributeName)]
    public string? City { get; set; }

    /// <summary>Whether to write the vendor's widget script after the user data. Defaults to <see langword="true"/>.</summary>
    [HtmlAttributeName(IncludeScriptAttributeName)]
    public bool IncludeScript { get; set; } = true;

    /// <summary>The view being rendered.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);

        output.TagName = null;
        var html = await _renderer.RenderAsync(ViewContext.HttpContext, new ChatWidgetRequest
        {
            Widget = Widget,
            Nonce = Nonce,
            UserId = UserId,
            Email = Email,
            Name = Name,
            FirstName = FirstName,
            LastName = LastName,
            AvatarUrl = AvatarUrl,
            PhoneNumber = PhoneNumber,
            CompanyName = CompanyName,
            Description = Description,
            CountryCode = CountryCode,
            City = City,
            IncludeScript = IncludeScript,
        });
        output.Content.SetHtmlContent(html);
    }
}
