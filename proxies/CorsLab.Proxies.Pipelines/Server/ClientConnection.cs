using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using CorsLab.Proxies.Pipelines.Forwarding;
using CorsLab.Proxies.Pipelines.Http;
using CorsLab.Proxies.Pipelines.Logging;
using CorsLab.Proxies.Pipelines.Sockets;

namespace CorsLab.Proxies.Pipelines.Server;

/// <summary>
/// One client connection, HTTP/1.1 end to end: read a head (idle, then header timeout), answer the contract's
/// own routes or forward, finish the exchange (keep, close gracefully, or reset), and go again. Requests are
/// handled one after another off the same pipe, so pipelined requests are answered in order by construction.
/// </summary>
internal sealed class ClientConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly ReceivePump _pump;
    private readonly ProxyOptions _options;
    private readonly PipelinesSettings _settings;
    private readonly Forwarder _forwarder;
    private readonly string _engineName;
    private readonly EngineObserver _observer;
    private readonly CancellationToken _stopping;
    private char[] _scratch = ArrayPool<char>.Shared.Rent(256);
    private char[] _origin = ArrayPool<char>.Shared.Rent(128);
    private int _originLength;

    // The request being handled, for its duration measurement: method (in _scratch), status sent (0: aborted), error.
    private ReadOnlyMemory<char> _method;
    private int _status;
    private UpstreamError _error;

    public ClientConnection(
        Socket socket, ProxyOptions options, PipelinesSettings settings, Forwarder forwarder, string engineName, EngineObserver observer, CancellationToken stopping)
    {
        _socket = socket;
        _options = options;
        _settings = settings;
        _forwarder = forwarder;
        _engineName = engineName;
        _observer = observer;
        _stopping = stopping;
        _pump = new ReceivePump(socket, tls: null, settings.ReadBufferSize);
        Reader = _pump.Reader;
        Writer = new SocketPipeWriter(socket, settings.WriteBufferSize);
    }

    public PipeReader Reader { get; }

    /// <summary>Straight onto the socket: a flush is one gathered send, and a body can be sent from another pipe's buffers.</summary>
    public SocketPipeWriter Writer { get; }

    public RequestHead Head { get; } = new();

    /// <summary>The target of the request being forwarded; valid from <see cref="HandleAsync"/> on.</summary>
    public UpstreamTarget Target { get; } = new();

    /// <summary>The request's <c>Origin</c>, widened; empty when it carried none (CORS treats both alike).</summary>
    public ReadOnlySpan<char> Origin => _origin.AsSpan(0, _originLength);

    /// <summary>Every wait on the client (idle, head, body idle, linger) runs on this one timer, re-armed per wait.</summary>
    public CancellationTokenSource Timer { get; private set; } = new();

    public bool IsStopping => _stopping.IsCancellationRequested;

    public async Task RunAsync()
    {
        using var stop = _stopping.UnsafeRegister(static state => ((ClientConnection)state!).Abort(), this);
        _pump.Start();
        try
        {
            for (var first = true; await ReadHeadAsync(first); first = false)
            {
                if (!await HandleAsync())
                {
                    await CloseGracefullyAsync();
                    return;
                }

                RenewTimer();
            }
        }
        catch (Exception error) when (BodyCopier.IsIoFailure(error))
        {
            // The client went away or a timer fired mid-write: nothing more can be said on this connection.
        }
    }

    /// <summary>Sends an interim response (100 Continue) now; false when the client is gone.</summary>
    public ValueTask<bool> SendInterimAsync(ReadOnlySpan<byte> interim)
    {
        Writer.Write(interim);
        return FlushAsync(Timer, _options.Limits.BodyIdleTimeout);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FlushAsync(CancellationTokenSource timer, TimeSpan idle)
    {
        try
        {
            timer.CancelAfter(idle);
            var result = await Writer.FlushAsync(timer.Token);
            return !result.IsCanceled && !result.IsCompleted;
        }
        catch (Exception error) when (BodyCopier.IsIoFailure(error))
        {
            return false;
        }
    }

    /// <summary>Resets the connection: a response cut short must look broken to the client, not complete.</summary>
    public void Abort() => SocketClosing.Reset(_socket);

    public void Dispose()
    {
        SocketClosing.Close(_socket);
        PipeCompletion.Complete(Reader, Writer);
        Head.Dispose();
        Target.Dispose();
        Timer.Dispose();
        ArrayPool<char>.Shared.Return(_scratch);
        ArrayPool<char>.Shared.Return(_origin);
        _scratch = _origin = [];
    }

    /// <returns>false when the connection should end (closed by the client, timed out, or rejected).</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadHeadAsync(bool first)
    {
        Head.Reset();
        var started = false;

        // A fresh connection gets the header timeout for its first byte too, as Kestrel's RequestHeadersTimeout:
        // with the keep-alive timeout, idle connections that never send a byte would hold the cap for 130 s.
        Timer.CancelAfter(first ? _settings.RequestHeadersTimeout : _settings.KeepAliveTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await Reader.ReadAsync(Timer.Token);
            }
            catch (OperationCanceledException) when (Timer.IsCancellationRequested)
            {
                if (started)
                {
                    // Slowloris: the head did not complete within RequestHeadersTimeout.
                    _observer.Logger.RequestHeadTimedOut(_settings.RequestHeadersTimeout);
                    await RejectAsync(408);
                }

                return false;
            }

            var buffer = result.Buffer;
            if (!started && !buffer.IsEmpty)
            {
                started = true;
                Timer.CancelAfter(_settings.RequestHeadersTimeout);
            }

            var reader = new SequenceReader<byte>(buffer);
            bool done;
            try
            {
                done = RequestParser.TryParse(ref reader, Head, _options.Limits);
            }
            catch (BadHttpRequestException rejected)
            {
                _observer.Logger.RequestRejected(rejected.StatusCode, rejected.Reason);
                Reader.AdvanceTo(buffer.End);
                await RejectAsync(rejected.StatusCode);
                return false;
            }

            if (done)
            {
                Reader.AdvanceTo(reader.Position);
                return true;
            }

            Reader.AdvanceTo(reader.Position, buffer.End);
            if (result.IsCompleted)
            {
                if (started)
                {
                    // The client stopped in the middle of a head.
                    _observer.Logger.RequestRejected(400, RequestRejectionReason.IncompleteHead);
                    await RejectAsync(400);
                }

                return false;
            }
        }
    }

    /// <returns>true to keep the connection for another request.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> HandleAsync()
    {
        var started = Stopwatch.GetTimestamp();
        _method = default;
        _status = 0;
        _error = UpstreamError.None;
        try
        {
            return await RespondAsync();
        }
        finally
        {
            _observer.Metrics.RequestHandled(started, _method.Span, _status, _error);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> RespondAsync()
    {
        var head = Head;
        var target = head.Target;
        var queryStart = target.IndexOf((byte)'?');
        var pathLength = queryStart < 0 ? target.Length : queryStart;

        // Scratch: the target, the method, then room for Core to decode the url into (query length + 1).
        EnsureScratch((2 * target.Length) + head.Method.Length + 1);
        var chars = Widen(target);
        var method = _method = Widen(head.Method, target.Length);
        var isHead = head.Method.SequenceEqual("HEAD"u8);
        WidenOrigin();

        // Bodies of the contract's own answers are never read: those connections close after the answer.
        var keepAlive = head.KeepAlive && !head.HasBody && !IsStopping;
        switch (RouteClassifier.Classify(method.Span, chars.Span[..pathLength]))
        {
            case RouteKind.Health:
                _status = 200;
                FailureResponse.WriteContract(Writer, 200, ContractMessages.HealthOk, cors: false, null, keepAlive, isHead);
                return await FlushAsync(Timer, _options.Limits.BodyIdleTimeout) && keepAlive;
            case RouteKind.NotFound:
                _status = 404;
                FailureResponse.WriteContract(Writer, 404, ContractMessages.RouteNotFound, cors: true, Origin, keepAlive, isHead);
                return await FlushAsync(Timer, _options.Limits.BodyIdleTimeout) && keepAlive;
            case RouteKind.Preflight:
                _status = 204;
                FailureResponse.WriteContract(Writer, 204, string.Empty, cors: true, Origin, keepAlive, isHead);
                return await FlushAsync(Timer, _options.Limits.BodyIdleTimeout) && keepAlive;
        }

        if (!ParseTarget(pathLength, out var status))
        {
            var message = status == TargetUrlStatus.Missing ? ContractMessages.MissingUrl : ContractMessages.InvalidUrl;
            _status = 400;
            FailureResponse.WriteContract(Writer, 400, message, cors: true, Origin, keepAlive, isHead);
            return await FlushAsync(Timer, _options.Limits.BodyIdleTimeout) && keepAlive;
        }

        using var activity = StartServerSpan();
        _observer.Metrics.RequestForwarded();
        var outcome = await _forwarder.ForwardAsync(this);
        if (outcome.Failure is not { } failure)
        {
            _status = outcome.StatusCode;
            return outcome.ClientReusable;
        }

        _error = failure.Error;
        activity?.SetTag(ProxyTelemetry.AttrError, failure.Error.ToString());
        activity?.SetStatus(ActivityStatusCode.Error, failure.Reason);
        if (FailureResponse.Decide(failure, outcome.ResponseStarted, Target.Key.Host, _observer) == FailureResponse.Action.Abort)
        {
            Abort();
            return false;
        }

        _status = failure.StatusCode;
        RenewTimer();
        FailureResponse.WriteFailure(Writer, failure, Origin, keepAlive: false, isHead);
        await FlushAsync(Timer, _options.Limits.BodyIdleTimeout);
        return false;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RejectAsync(int status)
    {
        RenewTimer();
        Writer.Write(StatusLines.For(status));
        Writer.Write("Content-Length: 0\r\nConnection: close\r\n\r\n"u8);
        if (await FlushAsync(Timer, _options.Limits.BodyIdleTimeout))
        {
            await CloseGracefullyAsync();
        }
    }

    /// <summary>
    /// FIN after our last byte, then read and drop what the client still sends for a while, so the kernel does
    /// not answer unread bytes with a reset that destroys the response in flight (nginx's lingering close).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CloseGracefullyAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            RenewTimer();

            Timer.CancelAfter(_settings.LingerTimeout);
            while (true)
            {
                var result = await Reader.ReadAsync(Timer.Token);
                Reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception error) when (BodyCopier.IsIoFailure(error))
        {
            // Linger over: the socket closes in Dispose either way.
        }
    }

    /// <summary>Re-arms the timer for the next wait; a timer that fired cannot be reset, so it is replaced.</summary>
    private void RenewTimer()
    {
        if (!Timer.TryReset())
        {
            Timer.Dispose();
            Timer = new CancellationTokenSource();
        }
    }

    /// <summary>Core's allocation-free parse of the widened query into <see cref="Target"/>.</summary>
    /// <param name="queryStart">Where the query starts in the widened target (its length when there is none).</param>
    private bool ParseTarget(int queryStart, out TargetUrlStatus status)
    {
        var targetLength = Head.TargetLength;
        var query = _scratch.AsSpan(queryStart, targetLength - queryStart);
        var decoded = _scratch.AsSpan(targetLength + Head.MethodLength);
        status = TargetUrlParser.Parse(query, decoded, out var url);
        if (status != TargetUrlStatus.Valid)
        {
            return false;
        }

        Target.Set(url);
        return true;
    }

    private void WidenOrigin()
    {
        _originLength = 0;
        if (Head.OriginIndex < 0)
        {
            return;
        }

        var value = Head.Buffer.Value(Head.OriginIndex);
        if (_origin.Length < value.Length)
        {
            ArrayPool<char>.Shared.Return(_origin);
            _origin = ArrayPool<char>.Shared.Rent(value.Length);
        }

        _originLength = Encoding.Latin1.GetChars(value, _origin);
    }

    private void EnsureScratch(int needed)
    {
        if (_scratch.Length < needed)
        {
            ArrayPool<char>.Shared.Return(_scratch);
            _scratch = ArrayPool<char>.Shared.Rent(needed);
        }
    }

    /// <summary>Latin-1 widening into the connection's scratch buffer (Core's contract APIs take chars).</summary>
    private Memory<char> Widen(ReadOnlySpan<byte> bytes, int offset = 0)
    {
        var memory = _scratch.AsMemory(offset, bytes.Length);
        Encoding.Latin1.GetChars(bytes, memory.Span);
        return memory;
    }

    private Activity? StartServerSpan()
    {
        if (!ProxyTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = ProxyTelemetry.Source.StartActivity(ProxyTelemetry.ServerSpan, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ProxyTelemetry.AttrEngine, _engineName);
            activity.SetTag(ProxyTelemetry.AttrMethod, Encoding.Latin1.GetString(Head.Method));
            activity.SetTag(ProxyTelemetry.AttrUrl, Target.Describe());
            if (Head.RequestIdIndex >= 0)
            {
                activity.SetTag(ProxyTelemetry.AttrRequestId, Encoding.Latin1.GetString(Head.Buffer.Value(Head.RequestIdIndex)));
            }
        }

        return activity;
    }
}
