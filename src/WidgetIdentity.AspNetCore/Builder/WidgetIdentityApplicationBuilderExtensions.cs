using Microsoft.Extensions.DependencyInjection;
using WidgetIdentity.Guard;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Places the WidgetIdentity secret guard in the middleware pipeline.</summary>
public static class WidgetIdentityApplicationBuilderExtensions
{
    /// <summary>
    /// Places the secret guard here in the pipeline. Without this call the guard still runs, outermost; with it,
    /// it runs here instead (so the output of middleware added before this call is not covered), and once however
    /// many times it is added.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddWidgetIdentity()</c> was not called.</exception>
    public static IApplicationBuilder UseWidgetIdentity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var patterns = app.ApplicationServices.GetService<SecretGuardPatterns>() ?? throw new InvalidOperationException(
            "UseWidgetIdentity() needs the WidgetIdentity services: call builder.Services.AddWidgetIdentity() first.");
        patterns.ExplicitlyPlaced = true;
        return app.UseMiddleware<SecretGuardMiddleware>(false);
    }
}
