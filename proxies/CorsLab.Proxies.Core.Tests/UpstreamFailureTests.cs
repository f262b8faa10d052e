using System.Net;
using System.Net.Sockets;
using CorsLab.Proxies.Core.Policy;
using CorsLab.Proxies.Core.Upstream;

namespace CorsLab.Proxies.Core.Tests;

public sealed class UpstreamFailureTests
{
    private static readonly TargetDeniedException Denied = new("metadata.test", IPAddress.Parse("169.254.169.254"));

    [Fact]
    public void TargetDenied_Is403TargetNotAllowed()
    {
        var failure = UpstreamFailure.From(Denied, clientAborted: false, timedOut: false);

        Assert.Equal(UpstreamError.TargetDenied, failure.Error);
        Assert.Equal(403, failure.StatusCode);
        Assert.Equal("Target not allowed.", failure.Body);
    }

    [Fact]
    public void TargetDeniedWrappedInHttpRequestException_Is403TargetNotAllowed()
    {
        var wrapped = new HttpRequestException("connect failed", Denied);

        var failure = UpstreamFailure.From(wrapped, clientAborted: false, timedOut: false);

        Assert.Equal(UpstreamError.TargetDenied, failure.Error);
        Assert.Equal(403, failure.StatusCode);
        Assert.Equal("Target not allowed.", failure.Body);
    }

    [Fact]
    public void TargetDenied_BodyDoesNotLeakTheResolvedAddress() =>
        Assert.DoesNotContain("169.254", UpstreamFailure.From(Denied, false, false).Body, StringComparison.Ordinal);

    [Fact]
    public void KestrelRefusingTheClientsBodyWhileItIsSentUpstream_Is400NotAnUpstreamFailure()
    {
        // What SocketsHttpHandler throws when the request content (Kestrel's body stream) fails: a bad chunk size.
        var wrapped = new HttpRequestException("Error while copying content to a stream.", new Microsoft.AspNetCore.Http.BadHttpRequestException("Bad chunk size data."));

        var failure = UpstreamFailure.From(wrapped, clientAborted: false, timedOut: false);

        Assert.Equal(UpstreamError.ClientBodyFailed, failure.Error);
        Assert.Equal(400, failure.StatusCode);
        Assert.Equal("client", failure.Side);
    }

    [Fact]
    public void ClientAborted_SendsNothing()
    {
        var failure = UpstreamFailure.From(new OperationCanceledException(), clientAborted: true, timedOut: false);

        Assert.Equal(UpstreamError.ClientAborted, failure.Error);
        Assert.Equal(0, failure.StatusCode);
    }

    [Fact]
    public void ClientAborted_WinsOverTimedOut() =>
        Assert.Equal(UpstreamError.ClientAborted, UpstreamFailure.From(new OperationCanceledException(), true, true).Error);

    [Fact]
    public void TimedOut_Is504WithQuotedReason()
    {
        var failure = UpstreamFailure.From(new OperationCanceledException(), clientAborted: false, timedOut: true);

        Assert.Equal(UpstreamError.UpstreamTimeout, failure.Error);
        Assert.Equal(504, failure.StatusCode);
        Assert.Equal("Could not complete request: \"upstream timed out\"", failure.Body);
    }

    [Fact]
    public void ConnectionRefused_Is502WithQuotedReason()
    {
        var refused = new HttpRequestException(
            "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));

        var failure = UpstreamFailure.From(refused, clientAborted: false, timedOut: false);

        Assert.Equal(UpstreamError.UpstreamFailed, failure.Error);
        Assert.Equal(502, failure.StatusCode);
        Assert.StartsWith("Could not complete request: \"", failure.Body, StringComparison.Ordinal);
        Assert.EndsWith("\"", failure.Body, StringComparison.Ordinal);
        Assert.Equal("Could not complete request: \"Connection refused (127.0.0.1:1)\"", failure.Body);
    }

    [Fact]
    public void TimeoutExceptionInner_Is504()
    {
        var error = new TaskCanceledException("The request was canceled", new TimeoutException("timed out"));

        var failure = UpstreamFailure.From(error, clientAborted: false, timedOut: false);

        Assert.Equal(UpstreamError.UpstreamTimeout, failure.Error);
        Assert.Equal(504, failure.StatusCode);
    }

    [Fact]
    public void SocketTimedOut_Is504()
    {
        var error = new HttpRequestException("connect", new SocketException((int)SocketError.TimedOut));

        Assert.Equal(504, UpstreamFailure.From(error, false, false).StatusCode);
    }

    [Fact]
    public void UnknownException_Is502WithItsMessage()
    {
        var failure = UpstreamFailure.From(new IOException("reset by peer"), false, false);

        Assert.Equal(UpstreamError.UpstreamFailed, failure.Error);
        Assert.Equal(502, failure.StatusCode);
        Assert.Equal("Could not complete request: \"reset by peer\"", failure.Body);
    }

    [Theory]
    [InlineData(UpstreamError.None, 0)]
    [InlineData(UpstreamError.TargetDenied, 403)]
    [InlineData(UpstreamError.UpstreamFailed, 502)]
    [InlineData(UpstreamError.UpstreamTimeout, 504)]
    [InlineData(UpstreamError.UpstreamBodyFailed, 502)]
    [InlineData(UpstreamError.ClientAborted, 0)]
    [InlineData(UpstreamError.ClientBodyFailed, 400)]
    public void EveryError_MapsToItsStatus(UpstreamError error, int status) =>
        Assert.Equal(status, new UpstreamFailure(error, "x").StatusCode);
}
