using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using WidgetIdentity.Configuration;

namespace WidgetIdentity.Preview;

/// <summary>Adds the preview endpoints at the start of the pipeline when a widget is in preview mode, and only then.</summary>
internal sealed class PreviewStartupFilter(IOptions<WidgetIdentityOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (WidgetSettings.AnyPreview(options.Value))
        {
            app.UseMiddleware<PreviewMiddleware>();
        }

        next(app);
    };
}
