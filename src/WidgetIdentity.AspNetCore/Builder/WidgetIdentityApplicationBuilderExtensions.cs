namespace Microsoft.AspNetCore.Builder;

/// <summary>Places the WidgetIdentity secret guard in the middleware pipeline.</summary>
public static class WidgetIdentityApplicationBuilderExtensions
{
    /// <summary>
    /// Places the secret guard here in the pipeline. Without this call the guard still runs, outermost; with it,
    /// it runs once, here.
    /// </summary>
    public static IApplicationBuilder UseWidgetIdentity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
