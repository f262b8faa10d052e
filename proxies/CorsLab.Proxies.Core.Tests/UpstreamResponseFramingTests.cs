using System.Net;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Tests;

public sealed class UpstreamResponseFramingTests
{
    private static HttpResponseMessage Response(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    [Fact]
    public void OneContentLength_OrChunkedAlone_Passes()
    {
        using var sized = Response(HttpStatusCode.OK, ("Content-Length", "2"));
        using var chunked = Response(HttpStatusCode.OK, ("Transfer-Encoding", "chunked"));

        Assert.Null(UpstreamResponseFraming.Check(sized, isHeadRequest: false));
        Assert.Null(UpstreamResponseFraming.Check(chunked, isHeadRequest: false));
    }

    [Theory]
    [InlineData("gzip", "a Transfer-Encoding other than chunked")]
    [InlineData("chunked, chunked", "a Transfer-Encoding other than chunked")]
    public void TransferEncodingOtherThanChunked_IsUpstreamFailed(string codings, string reason)
    {
        using var response = Response(HttpStatusCode.OK, ("Transfer-Encoding", codings));

        var failure = UpstreamResponseFraming.Check(response, isHeadRequest: false);

        Assert.Equal(UpstreamError.UpstreamFailed, failure?.Error);
        Assert.Equal($"ambiguous framing: {reason}", failure?.Reason);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, false)]
    [InlineData(HttpStatusCode.NotModified, false)]
    [InlineData(HttpStatusCode.OK, true)]
    public void BodilessResponse_IsNotJudged_SinceNoBodyFollows(HttpStatusCode status, bool isHeadRequest)
    {
        using var response = Response(status, ("Content-Length", "2"), ("Content-Length", "3"));

        Assert.Null(UpstreamResponseFraming.Check(response, isHeadRequest));
    }
}
