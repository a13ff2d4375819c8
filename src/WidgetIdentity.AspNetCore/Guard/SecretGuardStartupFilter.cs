using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WidgetIdentity.Guard;

/// <summary>
/// Puts the guard outermost in the pipeline, around every middleware the app adds (the developer exception page
/// and other error pages included), so it is on without any call in <c>Program.cs</c>. It stands aside when the
/// app places the guard itself with <c>UseWidgetIdentity()</c>.
/// </summary>
internal sealed class SecretGuardStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return app =>
        {
            app.UseMiddleware<SecretGuardMiddleware>(true);
            next(app);
        };
    }
}
