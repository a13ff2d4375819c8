using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WidgetIdentity.Users;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// The test sites' <see cref="IWidgetUserResolver"/>: the user a test page chose for the next
/// <c>&lt;chat-widget-user /&gt;</c> it renders (with <see cref="UseNext"/>), else whatever the site's own resolver
/// says. This is how a test page gives the real tag a user with any fields, custom attributes included.
/// </summary>
internal sealed class TestPageUsers(IWidgetUserResolver site) : IWidgetUserResolver
{
    private static readonly object Key = new();

    /// <summary>The tags rendered from now on in this request are for <paramref name="user"/>.</summary>
    public static void UseNext(HttpContext context, WidgetUser user) => context.Items[Key] = user;

    public ValueTask<WidgetUser?> ResolveAsync(HttpContext context, WidgetClaimOptions claims) =>
        context.Items.TryGetValue(Key, out var user) ? ValueTask.FromResult((WidgetUser?)user) : site.ResolveAsync(context, claims);

    /// <summary>Wraps the resolver the site registered, with its lifetime (the sample's profile resolver is scoped).</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(service => service.ServiceType == typeof(IWidgetUserResolver));
        var siteResolver = registered.ImplementationType
            ?? throw new InvalidOperationException("The site's IWidgetUserResolver is not registered by type.");
        services.Replace(ServiceDescriptor.Describe(
            typeof(IWidgetUserResolver),
            provider => new TestPageUsers((IWidgetUserResolver)ActivatorUtilities.CreateInstance(provider, siteResolver)),
            registered.Lifetime));
    }
}
