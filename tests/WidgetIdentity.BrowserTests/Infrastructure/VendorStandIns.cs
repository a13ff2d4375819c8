using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// Serves local stand-ins for the vendors' widget scripts (the real ones are on the internet), each recording what it
/// saw in <c>window.__vendors.&lt;vendor&gt;</c>:
/// <list type="bullet">
/// <item>Ainisa: reads <c>window.ainisaUser</c> as it is when the script runs.</item>
/// <item>Chatku / Chatwoot: <c>StandIns/ready-event-sdk.js</c>, an SDK that behaves like Chatwoot's (see
/// <see cref="StandInSdk"/>): <c>window.$chatbot</c> / <c>window.$chatwoot</c>, the ready event
/// <c>chatbot:ready</c> / <c>chatwoot:ready</c> once its frame has loaded, and its cookies and errors.</item>
/// <item>The other vendors: <c>/_test/vendor/&lt;vendor&gt;.js</c>, from <see cref="VendorStandInScripts"/>.</item>
/// </list>
/// </summary>
internal sealed class VendorStandIns : IStartupFilter
{
    public const string Ainisa = "/_test/vendor/ainisa.js";

    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        [Ainisa] = """
            (function () {
              var user = window.ainisaUser;
              window.__vendors = window.__vendors || {};
              window.__vendors.ainisa = { user: user === undefined ? null : Object.assign({}, user) };
            })();
            """,
        [StandInSdk.Chatku.Script] = ReadyEventSdk(StandInSdk.Chatku),
        [StandInSdk.Chatwoot.Script] = ReadyEventSdk(StandInSdk.Chatwoot),
    };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var path = context.Request.Path.Value ?? "";
            if ((Scripts.GetValueOrDefault(path) ?? VendorStandInScripts.ForPath(path)) is not { } script)
            {
                return nextMiddleware(context);
            }

            context.Response.ContentType = "text/javascript; charset=utf-8";
            return context.Response.WriteAsync(script, Encoding.UTF8);
        });
        next(app);
    };

    private static string ReadyEventSdk(StandInSdk sdk)
    {
        using var stream = typeof(VendorStandIns).Assembly.GetManifestResourceStream("StandIns.ready-event-sdk.js")
            ?? throw new InvalidOperationException("The stand-in SDK script is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string[] arguments = [sdk.Name, sdk.SdkObject, sdk.ReadyEvent, sdk.WebsiteToken];
        return $"{reader.ReadToEnd().TrimEnd()}({string.Join(", ", arguments.Select(argument => JsonSerializer.Serialize(argument)))});\n";
    }
}
