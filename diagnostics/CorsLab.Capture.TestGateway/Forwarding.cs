namespace CorsLab.Capture.TestGateway;

/// <summary>Forwards one GET to its <c>?url=</c> with the correlation header, streaming the body back.</summary>
internal static class Forwarding
{
    /// <summary>The lab's correlation header: forwarded so the lab can join the origin's timings.</summary>
    private const string CorrelationHeader = "x-corslab-id";

    public static async Task ForwardAsync(HttpContext context, HttpClient upstream)
    {
        if (!Uri.TryCreate(context.Request.Query["url"].ToString(), UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (context.Request.Headers.TryGetValue(CorrelationHeader, out var id))
        {
            request.Headers.TryAddWithoutValidation(CorrelationHeader, id.ToString());
        }

        HttpResponseMessage response;
        try
        {
            response = await upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentLength = response.Content.Headers.ContentLength;
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
