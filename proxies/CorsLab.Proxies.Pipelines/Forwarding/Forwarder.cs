using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using CorsLab.Proxies.Core;
using CorsLab.Proxies.Core.Contract;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Telemetry;
using CorsLab.Proxies.Core.Upstream;
using CorsLab.Proxies.Pipelines.Http;
using CorsLab.Proxies.Pipelines.Server;
using CorsLab.Proxies.Pipelines.Upstream;

namespace CorsLab.Proxies.Pipelines.Forwarding;

/// <summary>
/// Forwards one validated request to its target and streams the answer back.
/// <code>
///  client pipe ──head──▶ [1 resolve] [2 buffer?] [3 connection] [4 request head] ──▶ upstream
///  client pipe ──body──▶ [5 upload, concurrent] ─────────────────────────────────────▶ upstream
///  client pipe ◀─────── [8 body] ◀── [7 client head] ◀── [6 response head] ◀──────── upstream
///                                         [9 finish: pool or close]
/// </code>
/// Failures are values (<see cref="UpstreamFailure"/>), turned into responses by <see cref="FailureResponse"/>.
/// </summary>
internal sealed class Forwarder
{
    private static ReadOnlySpan<byte> Continue => "HTTP/1.1 100 Continue\r\n\r\n"u8;

    private readonly ProxyOptions _options;
    private readonly PipelinesSettings _settings;
    private readonly UpstreamPool _pool;
    private readonly UpstreamDialer _dialer;
    private readonly CopyBehaviour _copy;
    private readonly UpstreamSlots? _slots;
    private readonly string _engineName;
    private readonly CpuTax? _tax;

    public Forwarder(ProxyOptions options, PipelinesSettings settings, UpstreamPool pool, UpstreamDialer dialer, string engineName)
    {
        _options = options;
        _settings = settings;
        _pool = pool;
        _dialer = dialer;
        _engineName = engineName;
        _slots = options.Has(Fault.PoolLimit) ? new UpstreamSlots(options.PoolLimit) : null;
        _tax = CpuTax.For(options);
        _copy = new CopyBehaviour(
            options.UpstreamBodyIdleTimeout,
            options.Has(Fault.AllocPerChunk),
            options.Has(Fault.GlobalLock) ? new Lock() : null);
    }

    /// <summary>Fault cpu-tax spins its share of a request's cost (<see cref="CpuTax"/>) before the steps below.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ForwardOutcome> ForwardAsync(ClientConnection client)
    {
        if (_tax is null)
        {
            return await ForwardUntaxedAsync(client);
        }

        var started = _tax.Levy();
        var outcome = await ForwardUntaxedAsync(client);
        _tax.Record(started);
        return outcome;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ForwardOutcome> ForwardUntaxedAsync(ClientConnection client)
    {
        var key = client.Target.Key;
        var requestFraming = BodyFraming.ForRequest(client.Head);
        // Checked here too: the method's string is only made for a span that will be recorded.
        using var activity = ProxyTelemetry.Source.HasListeners()
            ? ProxyTelemetry.StartUpstreamSpan(_engineName, System.Text.Encoding.Latin1.GetString(client.Head.Method), key.Host, key.Port)
            : null;

        // 0. added-latency fault: a known wait, the truth the lab calibrates against. It is a few ms at most, so
        // a client that leaves meanwhile is noticed when the response is written.
        if (_options.Has(Fault.AddedLatency))
        {
            await AddedLatencyWait.WaitAsync(_options.AddedLatency, CancellationToken.None);
        }

        // 1. Resolve. Only the dns-per-request fault looks the name up here, on every request, past the cache.
        IPAddress[]? resolved = null;
        if (_options.Has(Fault.DnsPerRequest) && !key.IsAddressLiteral)
        {
            try
            {
                resolved = await NameResolution.ResolveAsync(key.BareHost, CancellationToken.None);
            }
            catch (SocketException error)
            {
                return ForwardOutcome.Failed(UpstreamFailure.From(error, clientAborted: false, timedOut: false));
            }
        }

        // 2. buffer-request fault: the whole body in memory before a byte goes upstream.
        MemoryStream? bufferedBody = null;
        if (_options.Has(Fault.BufferRequest) && requestFraming.Kind != BodyKind.None)
        {
            bufferedBody = await BufferRequestAsync(client, requestFraming);
            if (bufferedBody is null)
            {
                return ForwardOutcome.Failed(UpstreamError.ClientBodyFailed, "request body could not be read");
            }

            requestFraming = BodyFraming.Sized(bufferedBody.Length);
        }

        if (_slots is null)
        {
            return await ExchangeWithRetryAsync(client, key, resolved, requestFraming, bufferedBody, activity);
        }

        if (!await _slots.WaitAsync(key, _options.UpstreamHeadTimeout))
        {
            return ForwardOutcome.Failed(UpstreamError.UpstreamTimeout, "no upstream connection came free (fault pool-limit)");
        }

        try
        {
            return await ExchangeWithRetryAsync(client, key, resolved, requestFraming, bufferedBody, activity);
        }
        finally
        {
            _slots.Release(key);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ForwardOutcome> ExchangeWithRetryAsync(
        ClientConnection client, PoolKey key, IPAddress[]? resolved, BodyFraming requestFraming, MemoryStream? bufferedBody, Activity? activity)
    {
        // A pooled connection the upstream closed meanwhile fails before any answer: retry once on a new one,
        // when no request byte is lost by doing so (SocketsHttpHandler does the same); fault no-stale-check never does.
        for (var attempt = 0; ; attempt++)
        {
            // 3. Connection: a pooled one, else connect (policy, connect timeout, TLS).
            if (_options.Has(Fault.NoPooling) || !_pool.TryRent(key, out var connection))
            {
                using var connectTimeout = new CancellationTokenSource(_options.Limits.ConnectTimeout);
                try
                {
                    connection = await _dialer.ConnectAsync(key, resolved, connectTimeout.Token);
                }
                catch (Exception error) when (error is SocketException or IOException or OperationCanceledException
                    or AuthenticationException or Core.Policy.TargetDeniedException)
                {
                    return ForwardOutcome.Failed(UpstreamFailure.From(error, clientAborted: false, connectTimeout.IsCancellationRequested));
                }
            }

            var retryable = connection.IsReused && attempt == 0 && !_options.Has(Fault.NoStaleCheck) && (requestFraming.Kind == BodyKind.None || bufferedBody is not null);
            var outcome = await ExchangeAsync(client, connection, requestFraming, bufferedBody, retryable, activity);
            if (outcome is { } done)
            {
                return done;
            }
        }
    }

    /// <returns>null when the exchange failed on a reused connection before any response byte and may be retried.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ForwardOutcome?> ExchangeAsync(
        ClientConnection client, UpstreamConnection connection, BodyFraming requestFraming,
        MemoryStream? bufferedBody, bool retryable, Activity? activity)
    {
        var head = client.Head;
        var nagle = _options.Has(Fault.Nagle);
        var clientNagle = _options.ClientNagle;

        // 4. Request head: method, the target's path and query, Host, end-to-end fields, our framing.
        WriteRequestHead(connection.Writer, head, client.Target, requestFraming);
        if (bufferedBody is not null)
        {
            if (nagle)
            {
                await connection.Writer.FlushAsync();
            }

            connection.Writer.Write(bufferedBody.GetBuffer().AsSpan(0, (int)bufferedBody.Length));
        }

        ValueTask<CopyResult>? upload = null;
        try
        {
            // With a streamed body the copier flushes the head with the first body bytes (unless nagle wants them apart).
            if (requestFraming.Kind == BodyKind.None || bufferedBody is not null || nagle)
            {
                await connection.Writer.FlushAsync(connection.Timer.Token);
            }
        }
        catch (Exception error) when (BodyCopier.IsIoFailure(error))
        {
            connection.Dispose();
            return retryable ? null : ForwardOutcome.Failed(UpstreamFailure.From(error, clientAborted: false, timedOut: false));
        }

        if (requestFraming.Kind != BodyKind.None && bufferedBody is null)
        {
            // 5. Upload, concurrently with the response: /echo-like upstreams answer while the body still arrives.
            if (head.ExpectContinue && !_options.Has(Fault.HoldContinue) && !await client.SendInterimAsync(Continue))
            {
                connection.Dispose();
                return ForwardOutcome.Failed(UpstreamError.ClientAborted, "client aborted");
            }

            upload = UploadAsync(client, connection, requestFraming);
        }

        // 6. Response head, within the response-head timeout (--upstream-timeout); interim 1xx are dropped.
        var isHead = head.Method.SequenceEqual("HEAD"u8);
        connection.Timer.CancelAfter(_options.UpstreamHeadTimeout);
        BodyFraming responseFraming;
        try
        {
            if (_options.Has(Fault.SyncOverAsync))
            {
                // sync-over-async fault: a thread-pool thread blocks until the upstream answers. Moved to the pool
                // first, where such code runs: blocked on a socket event thread, it could hold its own completion.
                await Task.Yield();
                ReadResponseHeadAsync(connection).AsTask().GetAwaiter().GetResult();
            }
            else
            {
                await ReadResponseHeadAsync(connection);
            }

            responseFraming = BodyFraming.ForResponse(connection.Head, isHead);
        }
        catch (Exception error) when (BodyCopier.IsIoFailure(error) || error is AuthenticationException)
        {
            var timedOut = connection.Timer.IsCancellationRequested && !connection.IsDisposed;
            connection.Abort();
            var uploaded = await FinishUploadAsync(upload);
            connection.Dispose();
            if (uploaded is CopyResult.SourceFailed or CopyResult.IdleTimeout)
            {
                return ForwardOutcome.Failed(UpstreamError.ClientBodyFailed, "request body could not be read");
            }

            if (retryable && connection.Head.HeadBytes == 0 && error is not InvalidUpstreamResponseException && !timedOut)
            {
                return null;
            }

            return ForwardOutcome.Failed(UpstreamFailure.From(error, clientAborted: false, timedOut));
        }

        activity?.AddEvent(new ActivityEvent(ProxyTelemetry.EventUpstreamHead));

        // buffer-response fault: the whole upstream body in memory before the client gets a byte.
        MemoryStream? bufferedResponse = null;
        if (_options.Has(Fault.BufferResponse) && responseFraming.Kind != BodyKind.None)
        {
            bufferedResponse = new MemoryStream();
            var sink = PipeWriter.Create(bufferedResponse, new StreamPipeWriterOptions(leaveOpen: true));
            var buffered = await BodyCopier.CopyAsync(connection.Reader, responseFraming, sink, BodyKind.UntilClose, connection.Timer, _copy);
            await sink.CompleteAsync();
            if (buffered != CopyResult.Completed)
            {
                connection.Abort();
                await FinishUploadAsync(upload);
                connection.Dispose();
                var error = buffered == CopyResult.IdleTimeout ? UpstreamError.UpstreamTimeout : UpstreamError.UpstreamFailed;
                return ForwardOutcome.Failed(error, buffered == CopyResult.IdleTimeout ? "upstream timed out" : "upstream response body failed");
            }
        }

        // 7. Client head: status, end-to-end fields, CORS, our framing.
        var clientKind = bufferedResponse is not null ? BodyKind.ContentLength : ClientFraming(responseFraming.Kind, head.IsHttp11);
        var keepAlive = head.KeepAlive && clientKind != BodyKind.UntilClose && !client.IsStopping
            && !(_options.Has(Fault.RelayConnectionClose) && !connection.Head.KeepAlive);
        WriteResponseHead(client, connection.Head, clientKind, bufferedResponse?.Length ?? responseFraming.Length, keepAlive);
        // On the server span, as the Kestrel engines record it; the head leaves with the first body piece's flush.
        activity?.Parent?.AddEvent(new ActivityEvent(ProxyTelemetry.EventFirstByteOut));
        CopyResult sent;
        if (clientNagle && await client.FlushAsync(connection.Timer, _options.Limits.BodyIdleTimeout) is false)
        {
            sent = CopyResult.DestinationFailed;
        }
        else if (bufferedResponse is not null)
        {
            // 8a. The buffered body, in one write.
            client.Writer.Write(bufferedResponse.GetBuffer().AsSpan(0, (int)bufferedResponse.Length));
            sent = await client.FlushAsync(connection.Timer, _options.Limits.BodyIdleTimeout) ? CopyResult.Completed : CopyResult.DestinationFailed;
        }
        else
        {
            // 8. The body, piece by piece as it arrives; each wait within the body-idle timeout.
            sent = await BodyCopier.CopyAsync(connection.Reader, responseFraming, client.Writer, clientKind, connection.Timer, _copy);
        }

        activity?.AddEvent(new ActivityEvent(ProxyTelemetry.EventUpstreamEnd));

        // 9. Finish: the connection goes back to the pool only after a clean, complete, reusable exchange.
        if (sent != CopyResult.Completed)
        {
            connection.Abort();
        }

        var uploadResult = await FinishUploadAsync(upload);

        // Read before the connection goes back to the pool, where another exchange may reuse its head.
        var status = connection.Head.StatusCode;
        var clean = sent == CopyResult.Completed && uploadResult == CopyResult.Completed;
        if (clean && connection.Head.KeepAlive && responseFraming.Kind != BodyKind.UntilClose && !_options.Has(Fault.NoPooling))
        {
            _pool.Return(connection);
        }
        else
        {
            connection.Dispose();
        }

        activity?.SetTag(ProxyTelemetry.AttrStatus, status);
        return sent switch
        {
            _ when uploadResult is CopyResult.SourceFailed or CopyResult.IdleTimeout && sent != CopyResult.Completed =>
                new ForwardOutcome(new UpstreamFailure(UpstreamError.ClientAborted, "client aborted"), true, false),
            CopyResult.Completed => new ForwardOutcome(null, true, keepAlive && uploadResult == CopyResult.Completed, status),
            CopyResult.SourceFailed => new ForwardOutcome(new UpstreamFailure(UpstreamError.UpstreamBodyFailed, "upstream response body failed"), true, false),
            CopyResult.IdleTimeout => new ForwardOutcome(new UpstreamFailure(UpstreamError.UpstreamTimeout, "upstream body idle timeout"), true, false),
            _ => new ForwardOutcome(new UpstreamFailure(UpstreamError.ClientAborted, "client aborted"), true, false),
        };
    }

    private static BodyKind ClientFraming(BodyKind upstream, bool clientIsHttp11) => upstream switch
    {
        // A body that ends at close is re-framed as chunked, so the client connection can be kept.
        BodyKind.UntilClose or BodyKind.Chunked => clientIsHttp11 ? BodyKind.Chunked : BodyKind.UntilClose,
        _ => upstream,
    };

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CopyResult> UploadAsync(ClientConnection client, UpstreamConnection connection, BodyFraming framing)
    {
        var result = await BodyCopier.CopyAsync(client.Reader, framing, connection.Writer, framing.Kind, client.Timer, _copy);
        if (result != CopyResult.Completed)
        {
            // A client that goes away (or stalls) takes the upstream exchange with it: never a short body upstream.
            connection.Abort();
        }

        return result;
    }

    private static async ValueTask<CopyResult> FinishUploadAsync(ValueTask<CopyResult>? upload)
    {
        // Not cancelled when the response ends first: the upload's last flush may still be completing (an echo
        // answers the moment it has the last chunk). A stalled upload ends by the body-idle timeout, or at once
        // when the exchange aborted the upstream connection.
        return upload is { } pending ? await pending : CopyResult.Completed;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<MemoryStream?> BufferRequestAsync(ClientConnection client, BodyFraming framing)
    {
        if (client.Head.ExpectContinue && !_options.Has(Fault.HoldContinue) && !await client.SendInterimAsync(Continue))
        {
            return null;
        }

        var body = new MemoryStream();
        var sink = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        var result = await BodyCopier.CopyAsync(client.Reader, framing, sink, BodyKind.UntilClose, client.Timer, _copy);
        await sink.CompleteAsync();
        return result == CopyResult.Completed ? body : null;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadResponseHeadAsync(UpstreamConnection connection)
    {
        var reader = connection.Reader;
        var head = connection.Head;
        while (true)
        {
            head.Reset();
            while (true)
            {
                var result = await reader.ReadAsync(connection.Timer.Token);
                var buffer = result.Buffer;
                var parser = new SequenceReader<byte>(buffer);
                if (ResponseHeadParser.TryParse(ref parser, head, _settings.MaxResponseHeadBytes))
                {
                    reader.AdvanceTo(parser.Position);
                    break;
                }

                reader.AdvanceTo(parser.Position, buffer.End);
                if (result.IsCompleted)
                {
                    throw new IOException(buffer.IsEmpty && head.HeadBytes == 0
                        ? "upstream closed the connection without a response"
                        : "upstream closed the connection in the middle of its response head");
                }
            }

            if (head.StatusCode == 101)
            {
                HttpThrow.InvalidResponse("101 Switching Protocols to a request that asked for no upgrade");
            }

            if (head.StatusCode >= 200)
            {
                return;
            }
        }
    }

    private void WriteRequestHead(PipeWriter writer, RequestHead head, UpstreamTarget target, BodyFraming framing)
    {
        writer.Write(head.Method);
        writer.Write(" "u8);
        writer.Write(target.PathAndQuery);
        writer.Write(" HTTP/1.1\r\nHost: "u8);
        writer.Write(target.Host);
        if (!target.IsDefaultPort)
        {
            writer.Write(":"u8);
            HeadWriter.Number(writer, target.Key.Port);
        }

        writer.Write("\r\n"u8);
        var fields = head.Buffer;
        var connection = HeaderRules.ConnectionTokensOf(fields, head.HasConnectionHeader);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields.Name(i);
            if (HeaderRules.IsFraming(name)
                || (name.Length == 4 && HttpSyntax.NameIs(name, HttpSyntax.Host))
                || (name.Length == 6 && HttpSyntax.NameIs(name, HttpSyntax.Expect))
                || HeaderRules.IsHopByHop(name, connection))
            {
                continue;
            }

            HeadWriter.Header(writer, name, fields.Value(i));
        }

        if (framing.Kind == BodyKind.Chunked)
        {
            HeadWriter.Header(writer, HttpSyntax.TransferEncoding, HttpSyntax.Chunked);
        }
        else if (framing.Kind == BodyKind.ContentLength || head.ContentLength == 0)
        {
            // An explicit "Content-Length: 0" is part of the request and goes upstream as sent.
            HeadWriter.Header(writer, HttpSyntax.ContentLength, Math.Max(framing.Length, 0));
        }

        if (_options.Has(Fault.NoPooling))
        {
            HeadWriter.Header(writer, HttpSyntax.Connection, HttpSyntax.Close);
        }

        HeadWriter.EndOfHead(writer);
    }

    private static void WriteResponseHead(ClientConnection client, ResponseHead upstream, BodyKind clientKind, long length, bool keepAlive)
    {
        var writer = client.Writer;
        writer.Write("HTTP/1.1 "u8);
        HeadWriter.Number(writer, upstream.StatusCode);
        writer.Write(" "u8);
        writer.Write(upstream.Reason);
        writer.Write("\r\n"u8);
        var fields = upstream.Buffer;
        var connection = HeaderRules.ConnectionTokensOf(fields, upstream.HasConnectionHeader);
        var hasOrigin = client.Head.OriginIndex >= 0;
        char[]? vary = null;
        var varyLength = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields.Name(i);
            if (HeaderRules.IsFraming(name) || HeaderRules.IsCors(name) || HeaderRules.IsHopByHop(name, connection))
            {
                continue;
            }

            if (hasOrigin && name.Length == 4 && HttpSyntax.NameIs(name, HttpSyntax.Vary))
            {
                // Core merges Origin into the upstream's Vary; the merged field (the received ones joined) replaces them.
                AppendVary(ref vary, ref varyLength, fields.Value(i));
                continue;
            }

            HeadWriter.Header(writer, name, fields.Value(i));
        }

        CorsHeaders.ApplySpans(client.Origin, vary.AsSpan(0, varyLength), writer, static (w, name, value) => HeadWriter.Header(w, name, value));
        if (vary is not null)
        {
            ArrayPool<char>.Shared.Return(vary);
        }

        switch (clientKind)
        {
            case BodyKind.ContentLength:
                HeadWriter.Header(writer, HttpSyntax.ContentLength, length);
                break;
            case BodyKind.Chunked:
                HeadWriter.Header(writer, HttpSyntax.TransferEncoding, HttpSyntax.Chunked);
                break;
            case BodyKind.None when upstream.ContentLength >= 0 && upstream.StatusCode is >= 200 and not 204:
                // HEAD and 304 keep the length the full response would have (RFC 9110 §8.6).
                HeadWriter.Header(writer, HttpSyntax.ContentLength, upstream.ContentLength);
                break;
        }

        if (!keepAlive)
        {
            HeadWriter.Header(writer, HttpSyntax.Connection, HttpSyntax.Close);
        }

        HeadWriter.EndOfHead(writer);
    }

    /// <summary>Joins a received Vary field to the ones before it (", "), widened, in a pooled array.</summary>
    private static void AppendVary(ref char[]? vary, ref int length, ReadOnlySpan<byte> value)
    {
        var needed = length + 2 + value.Length;
        if (vary is null || vary.Length < needed)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, 64));
            if (vary is not null)
            {
                vary.AsSpan(0, length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(vary);
            }

            vary = larger;
        }

        if (length > 0)
        {
            ", ".CopyTo(vary.AsSpan(length));
            length += 2;
        }

        length += System.Text.Encoding.Latin1.GetChars(value, vary.AsSpan(length));
    }
}
