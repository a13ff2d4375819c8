using Microsoft.AspNetCore.Http;

namespace WidgetIdentity.AutoInclude;

/// <summary>Whether a response opted out of the auto-included widget: by endpoint metadata or for this request alone.</summary>
internal sealed class AutoIncludeOptOut
{
    private static readonly AutoIncludeOptOut Instance = new();

    private AutoIncludeOptOut()
    {
    }

    /// <summary>Leaves the auto-included widget out of this response.</summary>
    public static void Skip(HttpContext context) => context.Features.Set(Instance);

    /// <summary>Whether <see cref="Skip"/> was called for this request or its endpoint carries <see cref="SkipChatWidgetAttribute"/>.</summary>
    public static bool IsSkipped(HttpContext context) =>
        context.Features.Get<AutoIncludeOptOut>() is not null
        || context.GetEndpoint()?.Metadata.GetMetadata<SkipChatWidgetAttribute>() is not null;
}
