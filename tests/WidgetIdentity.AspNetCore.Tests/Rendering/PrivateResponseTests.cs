using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Tests.Rendering;

/// <summary>
/// An identity may go into a response only while it can still be kept out of shared caches: before the headers are
/// sent, or when they were sent already marked <c>no-store</c> (a Blazor page marked before it streamed).
/// </summary>
public sealed class PrivateResponseTests
{
    [Theory]
    [InlineData("no-store, private")]
    [InlineData("private, no-store, max-age=0")]
    public void A_started_response_already_marked_no_store_may_carry_the_identity(string cacheControl)
    {
        Assert.True(PrivateResponse.TryMark(StartedWith(cacheControl)));
    }

    [Theory]
    [InlineData("private, max-age=60")]
    [InlineData("")]
    public void A_started_response_a_cache_may_store_may_not_carry_the_identity(string cacheControl)
    {
        Assert.False(PrivateResponse.TryMark(StartedWith(cacheControl)));
    }

    [Fact]
    public void A_started_response_is_still_opted_out_of_output_caching()
    {
        var context = StartedWith("");
        var outputCache = new OutputCacheFeature(context);
        context.Features.Set<IOutputCacheFeature>(outputCache);

        PrivateResponse.TryMark(context);

        Assert.False(outputCache.Context.AllowCacheStorage);
    }

    private static DefaultHttpContext StartedWith(string cacheControl)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(new StartedResponse());
        context.Response.Headers.CacheControl = cacheControl;
        return context;
    }

    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }

    private sealed class OutputCacheFeature(HttpContext httpContext) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = httpContext, AllowCacheStorage = true };
    }
}
