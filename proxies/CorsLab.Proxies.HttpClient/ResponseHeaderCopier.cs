using System.Net.Http.Headers;
using CorsLab.Proxies.Core.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsLab.Proxies.HttpClient;

/// <summary>Copies the upstream's status and end-to-end headers onto the client's response.</summary>
internal static class ResponseHeaderCopier
{
    public static void Copy(HttpResponseMessage upstream, HttpResponse response)
    {
        response.StatusCode = (int)upstream.StatusCode;
        var connection = upstream.Headers.NonValidated.TryGetValues("Connection", out var listed)
            ? ConnectionTokens.Of(listed)
            : ConnectionTokens.None;
        CopyHeaders(upstream.Headers.NonValidated, connection, response.Headers);
        if (upstream.Content is not null)
        {
            CopyHeaders(upstream.Content.Headers.NonValidated, connection, response.Headers);
        }

        // RFC 9110 §8.6: no Content-Length on 1xx or 204; Kestrel rejects it too.
        if (response.StatusCode is < 200 or 204)
        {
            response.ContentLength = null;
        }
    }

    private static void CopyHeaders(HttpHeadersNonValidated source, ConnectionTokens connection, IHeaderDictionary target)
    {
        foreach (var (name, values) in source)
        {
            if (HopByHopHeaders.IsHopByHop(name, connection))
            {
                continue;
            }

            target[name] = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
        }
    }
}
