using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace WidgetIdentity.BrowserTests.Infrastructure;

/// <summary>
/// Local stand-ins for the vendors' widget scripts (the real ones are on the internet). Each does what the vendor's
/// script does with the user data and records what it saw in <c>window.__vendors.&lt;vendor&gt;</c>:
/// <list type="bullet">
/// <item>Ainisa: reads <c>window.ainisaUser</c> as it is when the script runs.</item>
/// <item>Chatku / Chatwoot: defines <c>window.$chatbot</c> / <c>window.$chatwoot</c> with a recording <c>setUser</c>,
/// then dispatches <c>chatbot:ready</c> / <c>chatwoot:ready</c>, as the vendor's SDK does once loaded.</item>
/// </list>
/// </summary>
internal sealed class VendorStandIns : IStartupFilter
{
    public const string Ainisa = "/_test/vendor/ainisa.js";
    public const string Chatku = "/_test/vendor/chatku.js";
    public const string Chatwoot = "/_test/vendor/chatwoot.js";

    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        [Ainisa] = """
            (function () {
              var user = window.ainisaUser;
              window.__vendors = window.__vendors || {};
              window.__vendors.ainisa = { user: user === undefined ? null : Object.assign({}, user) };
            })();
            """,
        [Chatku] = ReadyEventVendor("chatku", "$chatbot", "chatbot:ready"),
        [Chatwoot] = ReadyEventVendor("chatwoot", "$chatwoot", "chatwoot:ready"),
    };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (!Scripts.TryGetValue(context.Request.Path.Value ?? "", out var script))
            {
                return nextMiddleware(context);
            }

            context.Response.ContentType = "text/javascript; charset=utf-8";
            return context.Response.WriteAsync(script, Encoding.UTF8);
        });
        next(app);
    };

    private static string ReadyEventVendor(string vendor, string sdk, string readyEvent) => $$"""
        (function () {
          var calls = [];
          window.__vendors = window.__vendors || {};
          window.__vendors.{{vendor}} = { setUserCalls: calls };
          window["{{sdk}}"] = {
            setUser: function () {
              var args = Array.prototype.slice.call(arguments);
              calls.push(args.map(function (arg) { return arg !== null && typeof arg === "object" ? Object.assign({}, arg) : arg; }));
            }
          };
          window.dispatchEvent(new Event("{{readyEvent}}"));
        })();
        """;
}
