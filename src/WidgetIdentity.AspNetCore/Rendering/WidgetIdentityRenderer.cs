using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WidgetIdentity.Configuration;
using WidgetIdentity.Dialects;
using WidgetIdentity.Hashing;
using WidgetIdentity.SignOut;
using WidgetIdentity.Signing;
using WidgetIdentity.Users;

namespace WidgetIdentity.Rendering;

/// <summary>
/// Writes a widget's user-data script and widget script for the current request. The tag helper is a thin
/// adapter over this; other adapters (HTML helpers, components) can use it too.
/// </summary>
public sealed partial class WidgetIdentityRenderer
{
    private readonly WidgetCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal WidgetIdentityRenderer(WidgetCatalog catalog, TimeProvider time, ILogger<WidgetIdentityRenderer> logger)
    {
        _catalog = catalog;
        _time = time;
        _logger = logger;
    }

    /// <summary>Renders the scripts for <paramref name="request"/> on the current request.</summary>
    /// <exception cref="InvalidOperationException">The widget is not configured, or the nonce is not a valid CSP nonce.</exception>
    public async Task<IHtmlContent> RenderAsync(HttpContext context, ChatWidgetRequest request)
    {
        var rendering = await RenderScriptsAsync(context, request, RenderingHost.Page);
        return new HtmlString(rendering.Html);
    }

    /// <summary>
    /// Renders the scripts and tells the caller whom they identify. A Blazor update (enhanced navigation or form post)
    /// leaves the visitor cookie alone: its scripts never run, and the full load the page script then asks for must still
    /// see whom the widget was last told about.
    /// </summary>
    internal async Task<WidgetRendering> RenderScriptsAsync(HttpContext context, ChatWidgetRequest request, RenderingHost host)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        var widget = _catalog.Find(request.Widget) ?? throw new InvalidOperationException(
            $"{host.TagFor(request.Widget)} names a widget that is not configured. "
            + $"Add it under the configuration section {WidgetSettings.KeyPrefix(request.Widget)}, or remove the {host.WidgetParameterName} to use the root WidgetIdentity section.");

        var nonce = string.IsNullOrEmpty(request.Nonce) ? null : request.Nonce;
        if (nonce is not null && !CspNonce.IsValid(nonce))
        {
            throw new InvalidOperationException(
                $"The {host.NonceParameterName} of {host.TagName} is not a valid Content-Security-Policy nonce: it may contain only "
                + "base64 characters (A-Z, a-z, 0-9, '+', '/', '-', '_') followed by at most two '='.");
        }

        RenderedWidgets.Record(context, widget);
        var user = await ResolveUserAsync(context, widget, request);

        // Scripts that reach the page after it started (Blazor's streaming rendering) are inserted by the browser
        // without running; they are written inert for the page script to start.
        var scripts = new ScriptTag(nonce, inert: host.IsBlazor && context.Response.HasStarted);
        var keepVisitorCookie = context.Response.HasStarted || (host.IsBlazor && BlazorRequest.IsEnhancedUpdate(context));
        var html = new StringBuilder(512);
        var pageKey = WriteUserData(context, widget, user, scripts, keepVisitorCookie, html);

        if (request.IncludeScript && WidgetScriptUrl(context, widget) is { } scriptUrl)
        {
            if (html.Length > 0)
            {
                html.Append('\n');
            }

            html.Append(scripts.Open(scriptUrl)).Append(ScriptTag.Close);
        }

        return new WidgetRendering(widget, html.ToString(), pageKey);
    }

    private static string? WidgetScriptUrl(HttpContext context, ResolvedWidget widget) =>
        widget.Preview && widget.Dialect.PreviewQuery is { } previewQuery
            ? Preview.PreviewEndpoints.ScriptUrl(context.Request.PathBase, widget, previewQuery)
            : widget.ScriptUrl;

    /// <summary>
    /// The user's data, after the vendor's call that forgets the previous visitor when this browser's widget was last
    /// told about someone else; for nobody, what the dialect writes for an anonymous visitor (that reset call when someone
    /// was identified before, and a start without identity for vendors that need one). Returns the page key of
    /// <see cref="WidgetRendering.PageKey"/>.
    /// </summary>
    private string WriteUserData(
        HttpContext context, ResolvedWidget widget, WidgetUser? user, ScriptTag scripts, bool keepVisitorCookie, StringBuilder html)
    {
        var previous = VisitorCookie.Read(context, widget);
        var script = new ScriptBuilder(html);
        if (user is not null)
        {
            Span<byte> hash = stackalloc byte[WidgetIdentityHash.HashByteLength];
            WidgetIdentityHash.ComputeBytes(widget.SecretKey, user.Id, hash);
            var fingerprint = VisitorCookie.Fingerprint(hash);
            if (previous != fingerprint && !keepVisitorCookie)
            {
                VisitorCookie.Write(context, widget, fingerprint);
            }

            html.Append(scripts.Open(src: null));
            var signer = new WidgetSigner(widget, Convert.ToHexStringLower(hash), _time);
            widget.Dialect.WriteUserData(script, user, signer, resetFirst: previous is not null && previous != fingerprint);
            html.Append(ScriptTag.Close);
            return WidgetRendering.PageKeyFor(hash);
        }

        // The reset depends on this browser's cookie, so no shared cache may keep such a page for another visitor.
        if (previous is not null)
        {
            if (PrivateResponse.TryMark(context) && !keepVisitorCookie)
            {
                VisitorCookie.Delete(context, widget);
            }
            else
            {
                LogHandOverCookieKept(_logger, context.Request.Path);
            }
        }

        var start = html.Length;
        html.Append(scripts.Open(src: null));
        if (widget.Dialect.WriteAnonymous(script, widget, resetFirst: previous is not null))
        {
            html.Append(ScriptTag.Close);
        }
        else
        {
            html.Length = start;
        }

        return WidgetRendering.NobodyPageKey;
    }

    private async Task<WidgetUser?> ResolveUserAsync(HttpContext context, ResolvedWidget widget, ChatWidgetRequest request)
    {
        if (context.Features.Get<SignOutHandOverFeature>() is not null)
        {
            return null; // signed out in this very request: its HttpContext.User is still the previous visitor
        }

        // From the request's services, so an app's resolver may be scoped (for example over its DbContext).
        var resolver = context.RequestServices?.GetService<IWidgetUserResolver>() ?? throw new InvalidOperationException(
            "No IWidgetUserResolver is registered for this request: call builder.Services.AddWidgetIdentity().");
        var resolved = await resolver.ResolveAsync(context, widget.Claims);
        if (resolved is not null && WidgetUserText.NonBlank(resolved.Id) is null)
        {
            // Signing an empty id would merge every such visitor into one contact at the vendor.
            LogResolvedUserWithoutId(_logger, context.Request.Path, resolver.GetType().Name);
            resolved = null;
        }

        var user = ApplyOverrides(resolved, request);
        if (user is null)
        {
            return null;
        }

        user = WidgetUserText.WithoutBlankFields(user);

        if (!PrivateResponse.ConsentAllowsPersonalData(context))
        {
            LogConsentNotGiven(_logger, context.Request.Path);
            return null;
        }

        // The id is signed as well as written, so it is repaired here, once, for both.
        var id = WellFormedText.From(user.Id);
        user = ReferenceEquals(id, user.Id) ? user : user with { Id = id };

        var issues = new UserDataIssues(widget.KeyPrefix);
        user = widget.Dialect.Conform(user, widget, issues);
        if (issues.Any)
        {
            LogUserDataAdjusted(_logger, context.Request.Path, widget.KeyPrefix, widget.Dialect.Name, issues.ToString());
        }

        if (user is not null && !PrivateResponse.TryMark(context))
        {
            LogResponseAlreadyStarted(_logger, context.Request.Path);
            return null;
        }

        return user;
    }

    private static WidgetUser? ApplyOverrides(WidgetUser? user, ChatWidgetRequest request)
    {
        if (request is { UserId: null, Email: null, Name: null, FirstName: null, LastName: null, AvatarUrl: null, PhoneNumber: null,
                CompanyName: null, Description: null, CountryCode: null, City: null })
        {
            return user;
        }

        var id = NonBlank(request.UserId) ?? user?.Id;
        if (id is null)
        {
            return null;
        }

        return (user ?? new WidgetUser(id)) with
        {
            Id = id,
            Email = NonBlank(request.Email) ?? user?.Email,
            Name = NonBlank(request.Name) ?? user?.Name,
            FirstName = NonBlank(request.FirstName) ?? user?.FirstName,
            LastName = NonBlank(request.LastName) ?? user?.LastName,
            AvatarUrl = NonBlank(request.AvatarUrl) ?? user?.AvatarUrl,
            PhoneNumber = NonBlank(request.PhoneNumber) ?? user?.PhoneNumber,
            CompanyName = NonBlank(request.CompanyName) ?? user?.CompanyName,
            Description = NonBlank(request.Description) ?? user?.Description,
            CountryCode = NonBlank(request.CountryCode) ?? user?.CountryCode,
            City = NonBlank(request.City) ?? user?.City,
        };
    }

    private static string? NonBlank(string? value) => WidgetUserText.NonBlank(value);

    [LoggerMessage(EventId = 2, EventName = "ConsentNotGiven", Level = LogLevel.Debug,
        Message = "Cookie consent is needed and not given on {Path}; the chat widget gets no personal data.")]
    private static partial void LogConsentNotGiven(ILogger logger, PathString path);

    [LoggerMessage(EventId = 3, EventName = "IdentityWithheldResponseStarted", Level = LogLevel.Warning,
        Message = "The response on {Path} had already started, so it could not be marked Cache-Control: no-store; the chat widget user data was left out. Render <chat-widget-user /> before the page is flushed (in a Blazor Web App, put <ChatWidgetUser /> in App.razor).")]
    private static partial void LogResponseAlreadyStarted(ILogger logger, PathString path);

    [LoggerMessage(EventId = 4, EventName = "UserDataAdjusted", Level = LogLevel.Warning,
        Message = "The chat widget user data on {Path} ({Widget}, vendor {Vendor}) was adjusted so that the vendor's SDK accepts it: {Issues}.")]
    private static partial void LogUserDataAdjusted(ILogger logger, PathString path, string widget, string vendor, string issues);

    [LoggerMessage(EventId = 6, EventName = "ResolvedUserWithoutId", Level = LogLevel.Warning,
        Message = "{Resolver} returned a user with an empty id on {Path}; the chat widget treats the visitor as anonymous. Return null for an anonymous visitor, or the user's stable id.")]
    private static partial void LogResolvedUserWithoutId(ILogger logger, PathString path, string resolver);

    [LoggerMessage(EventId = 5, EventName = "HandOverCookieKept", Level = LogLevel.Debug,
        Message = "The widget hand-over cookie was kept on {Path} (the response had already started, or it was a Blazor enhanced update); the widget is told to forget the previous visitor again on the next full page.")]
    private static partial void LogHandOverCookieKept(ILogger logger, PathString path);
}
