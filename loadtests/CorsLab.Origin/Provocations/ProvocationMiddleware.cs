using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// Applies a request's <see cref="Provocation"/> around any endpoint; runs after the timing middleware, so the
/// origin's timings show the split writes as they went out. Requests without a query pay one dictionary check.
/// </summary>
internal sealed class ProvocationMiddleware(RequestDelegate next, IdleConnectionCloser idleCloser)
{
    public Task InvokeAsync(HttpContext context)
    {
        idleCloser.OnRequest(context.Connection.Id);
        NagleSwitch.TurnOffIfOn(context);
        if (!Provocation.TryParse(context.Request.Query, out var provocation, out var error))
        {
            return Endpoints.Args.BadRequestAsync(context, error.Name, error.Min, error.Max);
        }

        return provocation.Any ? ProvokeAsync(context, provocation) : next(context);
    }

    private async Task ProvokeAsync(HttpContext context, Provocation provocation)
    {
        var response = context.Response;
        if (provocation.NoContinue)
        {
            // Kestrel sends "100 Continue" when the body is first read, and only while the request says Expect.
            context.Request.Headers.Remove(HeaderNames.Expect);
        }

        if (provocation.Close)
        {
            response.OnStarting(static state => SetClose((HttpResponse)state), response);
        }

        if (provocation.Http10)
        {
            if (context.Features.Get<Http10PipeWriter>() is not { } writer)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                await response.WriteAsync($"{Provocation.Http10Parameter}=1 needs the origin's plain http listener");
                return;
            }

            // Without a length Kestrel chunks the body, which the writer unwraps; armed last, so the next bytes are the head.
            response.OnStarting(() =>
            {
                response.ContentLength = null;
                writer.ArmNextResponse();
                return Task.CompletedTask;
            });
        }

        if (provocation.Nagle)
        {
            NagleSwitch.TurnOn(context);
        }

        if (provocation.IdleClose is { } idle && context.Features.Get<IConnectionLifetimeNotificationFeature>() is { } connection)
        {
            var id = context.Connection.Id;
            response.OnCompleted(() =>
            {
                idleCloser.CloseWhenIdle(id, connection, idle);
                return Task.CompletedTask;
            });
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var split = provocation.SplitGap is { } gap ? new SplitResponseBodyFeature(original, gap) : null;
        if (split is not null)
        {
            context.Features.Set<IHttpResponseBodyFeature>(split);
        }

        try
        {
            await next(context);
            if (split is not null)
            {
                await split.Writer.FlushAsync(context.RequestAborted);
            }
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    private static Task SetClose(HttpResponse response)
    {
        response.Headers.Connection = "close";
        return Task.CompletedTask;
    }
}
