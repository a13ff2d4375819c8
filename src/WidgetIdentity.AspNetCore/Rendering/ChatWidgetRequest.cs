namespace WidgetIdentity.Rendering;

/// <summary>What one <c>&lt;chat-widget-user /&gt;</c> asks for: the widget, the nonce, and fields that override the claims.</summary>
public sealed record ChatWidgetRequest
{
    /// <summary>A named widget from <c>WidgetIdentity:Widgets</c>, or <see langword="null"/> for the root widget.</summary>
    public string? Widget { get; init; }

    /// <summary>The Content-Security-Policy nonce put on every script written; base64 characters only.</summary>
    public string? Nonce { get; init; }

    /// <summary>Overrides the user id claim (and identifies a visitor the claims do not).</summary>
    public string? UserId { get; init; }

    /// <summary>Overrides the email claim.</summary>
    public string? Email { get; init; }

    /// <summary>Overrides the name claim.</summary>
    public string? Name { get; init; }

    /// <summary>Overrides the first-name claim.</summary>
    public string? FirstName { get; init; }

    /// <summary>Overrides the last-name claim.</summary>
    public string? LastName { get; init; }

    /// <summary>Overrides the avatar URL claim (an absolute http(s) URL).</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>Overrides the phone number claim.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The user's company, for vendors that take it.</summary>
    public string? CompanyName { get; init; }

    /// <summary>A description of the user, for vendors that take it.</summary>
    public string? Description { get; init; }

    /// <summary>The user's two-letter country code, for vendors that take it.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The user's city, for vendors that take it.</summary>
    public string? City { get; init; }

    /// <summary>Whether the vendor's widget script is written after the user data. Defaults to <see langword="true"/>.</summary>
    public bool IncludeScript { get; init; } = true;
}
