using System.Net;
using System.Net.Sockets;
using CorsLab.Protocol;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Hosting;
using CorsLab.Proxies.Core.Upstream;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>ContractFrontEnd behind KestrelProxyHost on a real loopback socket, with a scripted forwarder.</summary>
public sealed class KestrelProxyHostTests(KestrelProxyHostTests.Host host) : IClassFixture<KestrelProxyHostTests.Host>
{
    private const string Origin = "https://app.example";

    private static string Url(string target) => "/?url=" + Uri.EscapeDataString(target);

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpMethod method, string pathAndQuery, string? origin = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(host.BaseAddress, pathAndQuery));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await host.Client.SendAsync(request, host.Stopping);
        var body = await response.Content.ReadAsStringAsync(host.Stopping);
        return (response, body);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    private static void AssertFixedCors(HttpResponseMessage response)
    {
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("authorization", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("GET,HEAD,PUT,PATCH,POST,DELETE", Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Healthcheck_Is200Ok()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, "/healthcheck");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", body);
        Assert.Equal("text/plain; charset=utf-8", Header(response, "Content-Type"));
    }

    [Fact]
    public async Task HeadHealthcheck_Is200WithoutBody()
    {
        var (response, body) = await SendAsync(HttpMethod.Head, "/healthcheck");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", body);
    }

    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("GET", "/healthcheck/x")]
    [InlineData("POST", "/healthcheck")]
    public async Task UnknownRoute_Is404RouteNotFoundWithCors(string method, string path)
    {
        var (response, body) = await SendAsync(new HttpMethod(method), path, Origin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Route not found.", body);
        AssertFixedCors(response);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_Is204EmptyWithCorsAndNoOriginEcho()
    {
        var (response, body) = await SendAsync(HttpMethod.Options, "/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", body);
        AssertFixedCors(response);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Vary"));
    }

    [Fact]
    public async Task PreflightWithOrigin_EchoesOriginWithVary()
    {
        var (response, body) = await SendAsync(HttpMethod.Options, Url("http://127.0.0.1:1/x"), Origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", body);
        AssertFixedCors(response);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("Origin", Header(response, "Vary"));
        Assert.Equal(0, host.Forwarder.Calls(new Uri("http://127.0.0.1:1/x")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?a=1")]
    [InlineData("/?urlx=1")]
    public async Task MissingUrl_Is400WithExactBody(string pathAndQuery)
    {
        var (response, body) = await SendAsync(HttpMethod.Get, pathAndQuery, Origin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Required \"url\" query parameter not found.", body);
        AssertFixedCors(response);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/?url=")]
    [InlineData("/?url=ftp%3A%2F%2Fx")]
    [InlineData("/?url=%2Ffoo")]
    [InlineData("/?url=http%3A%2F%2Fuser%3Apass%40127.0.0.1%2F")]
    public async Task InvalidUrl_Is400WithExactBody(string pathAndQuery)
    {
        var (response, body) = await SendAsync(HttpMethod.Post, pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid \"url\" query parameter provided.", body);
        AssertFixedCors(response);
    }

    [Fact]
    public async Task ValidUrl_ReachesTheForwarderDecoded()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, "/?url=http%3A%2F%2F127.0.0.1%3A5000%2Fok%3Fa%3D1%26b%3D2", Origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("forwarded http://127.0.0.1:5000/ok?a=1&b=2", body);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["Accept-Encoding", "Origin"], response.Headers.Vary);
        Assert.Null(Header(response, "Access-Control-Expose-Headers"));
        AssertFixedCors(response);
    }

    [Fact]
    public async Task ForwarderTargetDenied_Is403TargetNotAllowed()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, Url("http://127.0.0.1:1/denied"), Origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Target not allowed.", body);
        AssertFixedCors(response);
        Assert.Equal(Origin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ForwarderUpstreamFailed_Is502WithReasonAndWithoutUpstreamHeaders()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, Url("http://127.0.0.1:1/failed"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("Could not complete request: \"Connection refused (127.0.0.1:1)\"", body);
        Assert.Null(Header(response, "X-Upstream"));
        AssertFixedCors(response);
    }

    [Fact]
    public async Task ForwarderUpstreamTimeout_Is504()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, Url("http://127.0.0.1:1/timeout"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("Could not complete request: \"upstream timed out\"", body);
        AssertFixedCors(response);
        Assert.Equal(UpstreamError.UpstreamTimeout, host.Forwarder.Logged(new Uri("http://127.0.0.1:1/timeout")));
    }

    [Fact]
    public async Task FailureAfterResponseStarted_AbortsTheClientsBody()
    {
        var target = new Uri("http://127.0.0.1:1/partial");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, Url(target.AbsoluteUri)));

        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, host.Stopping);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(host.Stopping);
        var first = new byte[7];
        await body.ReadExactlyAsync(first, host.Stopping);
        Assert.Equal("partial"u8.ToArray(), first);

        // Only now does the forwarder report the upstream failure, so the head certainly reached the client.
        host.Forwarder.ReleasePartial();

        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null, host.Stopping));
    }

    [Fact]
    public async Task RequestHeadersOverTheLimit_Are431()
    {
        var target = new Uri("http://127.0.0.1:1/big-headers");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, Url(target.AbsoluteUri)));
        request.Headers.Add("X-Big", new string('a', Host.MaxHeaderBytes * 2));

        using var response = await host.Client.SendAsync(request, host.Stopping);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(0, host.Forwarder.Calls(target));
    }

    [Fact]
    public async Task RequestLineOverTheLimit_Is414()
    {
        var target = "http://127.0.0.1:1/long/" + new string('a', Host.MaxLineBytes * 2);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, Url(target)));

        using var response = await host.Client.SendAsync(request, host.Stopping);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal(0, host.Forwarder.Calls(new Uri(target)));
    }

    [Fact]
    public async Task BusyPort_ThrowsPortInUseNamingThePort()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        var options = new ProxyOptions { Urls = $"http://127.0.0.1:{port}" };
        var listened = false;

        var error = await Assert.ThrowsAsync<PortInUseException>(() => KestrelProxyHost.RunAsync(
            options, "test", _ => new ScriptedForwarder(), null, _ => listened = true, host.Stopping));

        Assert.Equal(port, error.Port);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.False(listened);
    }

    public sealed class Host : IAsyncLifetime
    {
        public const int MaxHeaderBytes = 4 * 1024;
        public const int MaxLineBytes = 2 * 1024;

        private readonly CancellationTokenSource _stop = new();
        private Task? _running;

        public ScriptedForwarder Forwarder { get; } = new();

        public System.Net.Http.HttpClient Client { get; } = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

        public Uri BaseAddress { get; private set; } = null!;

        public CancellationToken Stopping => _stop.Token;

        public async Task InitializeAsync()
        {
            var options = new ProxyOptions
            {
                Limits = new ProxyLimits { MaxRequestHeaderBytes = MaxHeaderBytes, MaxRequestLineBytes = MaxLineBytes },
            };
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            _running = KestrelProxyHost.RunAsync(options, "test", _ => Forwarder, null, listening.SetResult, _stop.Token);
            var first = await Task.WhenAny(listening.Task, _running);
            if (first == _running)
            {
                await _running; // surfaces the start failure
            }

            BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        public async Task DisposeAsync()
        {
            Forwarder.ReleasePartial();
            await _stop.CancelAsync();
            if (_running is not null)
            {
                await _running;
            }

            Client.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>Answers by the target's path: succeeds, fails before the head, or fails half-way through the body.</summary>
    public sealed class ScriptedForwarder : IRequestForwarder
    {
        private readonly TaskCompletionSource _partialGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<Uri, int> _calls = [];
        private readonly Dictionary<Uri, UpstreamError> _logged = [];

        public int Calls(Uri target)
        {
            lock (_calls)
            {
                return _calls.GetValueOrDefault(target);
            }
        }

        public void ReleasePartial() => _partialGate.TrySetResult();

        public UpstreamError? Logged(Uri target)
        {
            lock (_logged)
            {
                return _logged.TryGetValue(target, out var error) ? error : null;
            }
        }

        public void LogFailure(UpstreamFailure failure, Uri target)
        {
            lock (_logged)
            {
                _logged[target] = failure.Error;
            }
        }

        public async ValueTask<UpstreamFailure?> ForwardAsync(HttpContext context, Uri target)
        {
            lock (_calls)
            {
                _calls[target] = _calls.GetValueOrDefault(target) + 1;
            }

            var response = context.Response;
            switch (target.AbsolutePath)
            {
                case "/denied":
                    return new UpstreamFailure(UpstreamError.TargetDenied, "target 127.0.0.1 (127.0.0.1) is not allowed");
                case "/failed":
                    response.Headers["X-Upstream"] = "half-copied";
                    return new UpstreamFailure(UpstreamError.UpstreamFailed, "Connection refused (127.0.0.1:1)");
                case "/timeout":
                    return new UpstreamFailure(UpstreamError.UpstreamTimeout, "upstream timed out");
                case "/partial":
                    response.StatusCode = StatusCodes.Status200OK;
                    await response.WriteAsync("partial", context.RequestAborted);
                    await response.Body.FlushAsync(context.RequestAborted);
                    await _partialGate.Task.WaitAsync(context.RequestAborted);
                    return new UpstreamFailure(UpstreamError.UpstreamBodyFailed, "upstream reset");
                default:
                    response.StatusCode = StatusCodes.Status200OK;
                    response.Headers.Vary = "Accept-Encoding";
                    response.Headers["Access-Control-Expose-Headers"] = "X-Upstream-Only";
                    CorsResponse.Apply(context);
                    response.ContentType = ContractMessages.TextPlain;
                    await response.WriteAsync("forwarded " + target.AbsoluteUri, context.RequestAborted);
                    return null;
            }
        }
    }
}
