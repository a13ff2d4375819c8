using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using WidgetIdentity.Rendering;
using WidgetIdentity.SignOut;

namespace WidgetIdentity.Components;

/// <summary>
/// <c>&lt;ChatWidgetUser /&gt;</c>: writes the signed-in user's data for the configured chat widget, then the widget's
/// script, in a Blazor Web App. Put it in <c>App.razor</c>, in <c>&lt;body&gt;</c>: it keeps the widget right across
/// enhanced navigation, enhanced form posts and streaming rendering. Rendered interactively it writes nothing: its scripts
/// ran once, with the prerendered page.
/// </summary>
public sealed class ChatWidgetUser : ComponentBase
{
    private string? _html;

    /// <summary>A named widget configured under <c>WidgetIdentity:Widgets</c>; the root widget when left out.</summary>
    [Parameter]
    public string? Widget { get; set; }

    /// <summary>The Content-Security-Policy nonce put on every script written.</summary>
    [Parameter]
    public string? Nonce { get; set; }

    /// <summary>The user id to sign, instead of the one in the claims.</summary>
    [Parameter]
    public string? UserId { get; set; }

    /// <summary>The email address, instead of the one in the claims.</summary>
    [Parameter]
    public string? Email { get; set; }

    /// <summary>The full name, instead of the one in the claims.</summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary>The first name, instead of the one in the claims.</summary>
    [Parameter]
    public string? FirstName { get; set; }

    /// <summary>The last name, instead of the one in the claims.</summary>
    [Parameter]
    public string? LastName { get; set; }

    /// <summary>The URL of the user's picture (absolute http(s)), instead of the one in the claims.</summary>
    [Parameter]
    public string? AvatarUrl { get; set; }

    /// <summary>The phone number, instead of the one in the claims.</summary>
    [Parameter]
    public string? PhoneNumber { get; set; }

    /// <summary>The user's company, for vendors that take it.</summary>
    [Parameter]
    public string? CompanyName { get; set; }

    /// <summary>A description of the user, for vendors that take it.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>The user's two-letter country code, for vendors that take it.</summary>
    [Parameter]
    public string? CountryCode { get; set; }

    /// <summary>The user's city, for vendors that take it.</summary>
    [Parameter]
    public string? City { get; set; }

    /// <summary>Whether to write the vendor's widget script after the user data. Defaults to <see langword="true"/>.</summary>
    [Parameter]
    public bool IncludeScript { get; set; } = true;

    [Inject]
    private WidgetIdentityRenderer Renderer { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        // Before anything awaits: a page that streams may send its headers before this component has its user.
        if (HttpContext is { } context && MayIdentify(context))
        {
            PrivateResponse.TryMark(context);
        }
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (HttpContext is not { } context || RendererInfo.IsInteractive)
        {
            _html = null;
            return;
        }

        var nonce = string.IsNullOrEmpty(Nonce) ? null : Nonce;
        _html = BlazorPageScript.Pending(nonce is not null && CspNonce.IsValid(nonce) ? nonce : null);
        var rendering = await Renderer.RenderScriptsAsync(context, Request(nonce), RenderingHost.Blazor);

        // In a region that becomes interactive, Blazor replaces the prerendered content: the widget's elements go elsewhere.
        _html = BlazorPageScript.Around(rendering, nonce, withHost: AssignedRenderMode is null);
    }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (_html is not null)
        {
            builder.AddMarkupContent(0, _html);
        }
    }

    private ChatWidgetRequest Request(string? nonce) => new()
    {
        Widget = Widget,
        Nonce = nonce,
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
    };

    private static bool MayIdentify(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        foreach (var name in context.Request.Cookies.Keys)
        {
            if (name.StartsWith(VisitorCookie.NamePrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
