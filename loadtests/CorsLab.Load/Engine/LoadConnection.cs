using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using CorsLab.Protocol;

namespace CorsLab.Load.Engine;

/// <summary>
/// One HTTP/1.1 keep-alive connection of the load client: a raw socket (TLS through <see cref="SslStream"/>),
/// one request at a time, a fixed receive buffer, a minimal response parser. No HttpClient: it costs
/// allocations and a connection pool whose size is not ours to fix; here the connection count is exact.
/// <code>
///   SendAsync ─ 1 connect if needed ─ 2 write head (+ body, concurrently) ─ 3 read head ─ 4 read body ─ 5 keep or close
/// </code>
/// Failures are values (<see cref="ErrorKind"/>); a failed connection is closed and the next request opens a new one.
/// </summary>
internal sealed class LoadConnection : IAsyncDisposable
{
    /// <summary>64 KiB: a 1 KB response (and its head) arrives in one read; big bodies stream through it.</summary>
    private const int ReceiveBufferSize = 64 * 1024;

    /// <summary>A response head larger than this is rejected as a protocol error (Kestrel's default limit is 32 KiB).</summary>
    private const int MaxHeadSize = 32 * 1024;

    /// <summary>
    /// A connection idle this long is looked at before reuse: a server may have closed it meanwhile (its keep-alive
    /// idle timeout). Connections under load are never idle this long, so the hot path pays no extra syscall.
    /// </summary>
    private static readonly long IdleCheckTicks = Stopwatch.Frequency / 20;

    private static readonly byte[] Payload = CreatePayload();

    private readonly LoadEndpoint _endpoint;
    private readonly ConnectionCounter _counter;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _abort;
    private readonly byte[] _buffer = new byte[ReceiveBufferSize];
    private byte[] _send = new byte[4096];
    private Socket? _socket;
    private SslStream? _ssl;
    private CancellationTokenSource _deadline;
    private int _start;
    private int _end;
    private long _lastRead;
    private long _idleSince;
    private long _firstByte;
    private long _bodySent;
    private bool _bodySkipped;
    private int _serial;

    public LoadConnection(LoadEndpoint endpoint, ConnectionCounter counter, TimeSpan timeout, CancellationToken abort)
    {
        _endpoint = endpoint;
        _counter = counter;
        _timeout = timeout;
        _abort = abort;
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(abort);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RequestOutcome> SendAsync(EncodedRequest request, long ticket)
    {
        var outcome = default(RequestOutcome);
        _firstByte = 0;
        _bodySkipped = false;
        _bodySent = 0;
        var token = _deadline.Token;
        _deadline.CancelAfter(_timeout);
        Task? body = null;
        TaskCompletionSource<bool>? continued = null;
        try
        {
            // 1. Connect, also when the server closed the connection while it idled (as SocketsHttpHandler checks).
            if (_socket is not null && ClosedWhileIdle())
            {
                Close();
            }

            if (_socket is null && !await ConnectAsync(token))
            {
                outcome.Error = _abort.IsCancellationRequested || token.IsCancellationRequested ? ErrorKind.Timeout : ErrorKind.Connect;
                return outcome;
            }

            outcome.Connection = _serial;

            // 2. Write the head; a body goes out concurrently with reading the response.
            if (_send.Length < request.MaxLength)
            {
                _send = new byte[request.MaxLength];
            }

            var length = request.Write(_send, ticket);
            outcome.Sent = Stopwatch.GetTimestamp();
            await WriteAsync(_send.AsMemory(0, length), token);
            outcome.BytesSent = length;
            if (request.Spec.BodyLength > 0)
            {
                outcome.BytesSent += request.Spec.BodyLength;
                if (request.Spec.ExpectContinue)
                {
                    continued = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    body = SendBodyAfterContinueAsync(request.Spec.BodyLength, continued, token);
                }
                else
                {
                    body = SendBodyAsync(request.Spec.BodyLength, token);
                }
            }

            // 3. Head (skipping interim 1xx responses).
            ResponseHead head;
            var received = 0L;
            while (true)
            {
                var headEnd = await ReadHeadAsync(token);
                if (headEnd < 0)
                {
                    outcome.Error = headEnd == -1 ? ErrorKind.Reset : ErrorKind.Protocol;
                    return Fail(ref outcome);
                }

                if (!ResponseHead.TryParse(_buffer.AsSpan(_start, headEnd - _start), request.IsHead, out head))
                {
                    outcome.Error = ErrorKind.Protocol;
                    return Fail(ref outcome);
                }

                received += headEnd + 4 - _start;
                _start = headEnd + 4;
                if (!head.IsInterim)
                {
                    break;
                }

                if (head.Status == 100)
                {
                    continued?.TrySetResult(true);
                }
            }

            // A final answer before "100 Continue": the body is not wanted (RFC 9110 §10.1.1).
            if (continued is not null && continued.TrySetResult(false))
            {
                outcome.BytesSent -= request.Spec.BodyLength;
            }

            outcome.Head = _lastRead;
            outcome.Status = head.Status;

            // 4. Body.
            var bodyBytes = head.Framing switch
            {
                BodyFraming.None => 0,
                BodyFraming.ContentLength => await ReadFixedAsync(head.ContentLength, token),
                BodyFraming.Chunked => await ReadChunkedAsync(token),
                _ => await ReadUntilCloseAsync(token),
            };
            if (bodyBytes < 0)
            {
                outcome.Error = bodyBytes == -1 ? ErrorKind.Reset : ErrorKind.Protocol;
                return Fail(ref outcome);
            }

            outcome.BytesReceived = received + bodyBytes;
            outcome.FirstByte = _firstByte != 0 ? _firstByte : outcome.Head;

            outcome.LastByte = bodyBytes == 0 ? outcome.Head : _lastRead;
            if (body is not null)
            {
                await body;
                body = null;
            }

            if (request.Spec.BodyLength > 0)
            {
                outcome.BodySent = _bodySent;
            }

            // 5. Keep the connection, or close it as the server or the request asked (or when an unsent body left the
            // server expecting bytes that will not come).
            if (head.Close || request.Spec.ConnectionClose || _bodySkipped)
            {
                Close();
            }

            _idleSince = Stopwatch.GetTimestamp();

            if (!request.Spec.IsExpected(head.Status))
            {
                outcome.Error = ErrorKinds.ForStatus(head.Status);
            }

            return outcome;
        }
        catch (OperationCanceledException)
        {
            outcome.Error = ErrorKind.Timeout;
            return Fail(ref outcome);
        }
        catch (Exception error) when (error is SocketException or IOException or ObjectDisposedException or AuthenticationException)
        {
            outcome.Error = outcome.Sent == 0 ? ErrorKind.Connect : ErrorKind.Reset;
            return Fail(ref outcome);
        }
        finally
        {
            if (body is not null)
            {
                Close();
                await body.ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            if (!_deadline.TryReset())
            {
                _deadline.Dispose();
                _deadline = CancellationTokenSource.CreateLinkedTokenSource(_abort);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _deadline.Dispose();
        return ValueTask.CompletedTask;
    }

    private RequestOutcome Fail(ref RequestOutcome outcome)
    {
        Close();
        return outcome;
    }

    private async ValueTask<bool> ConnectAsync(CancellationToken token)
    {
        var socket = new Socket(_endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_endpoint.Address, token);
            if (_endpoint.Tls)
            {
                var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = _endpoint.Host,
                        ApplicationProtocols = [SslApplicationProtocol.Http11],

                        // The lab only loads 127.0.0.1 targets (the origin's self-signed certificate): the
                        // load client measures, the spec checks trust.
                        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
                    },
                    token);
                _ssl = ssl;
            }
        }
        catch (Exception error) when (error is SocketException or IOException or AuthenticationException or OperationCanceledException)
        {
            socket.Dispose();
            return false;
        }

        _socket = socket;
        _start = _end = 0;
        _serial = _counter.Next();
        return true;
    }

    /// <summary>Idle long enough for a server to have closed it, and readable: nothing may arrive unasked, so that is a close (or a reset).</summary>
    private bool ClosedWhileIdle() =>
        Stopwatch.GetTimestamp() - _idleSince > IdleCheckTicks && _socket!.Poll(0, SelectMode.SelectRead);

    private void Close()
    {
        _ssl?.Dispose();
        _ssl = null;
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    private ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken token)
    {
        if (_ssl is not null)
        {
            return _ssl.WriteAsync(data, token);
        }

        return SendAllAsync(_socket!, data, token);
    }

    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken token)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, token);
            data = data[sent..];
        }
    }

    /// <summary>The body once the server said <c>100 Continue</c> or the continue timeout passed; nothing when a final answer came first.</summary>
    private async Task SendBodyAfterContinueAsync(long length, TaskCompletionSource<bool> continued, CancellationToken token)
    {
        var timeout = Task.Delay(RequestSpec.ExpectContinueTimeout, token);
        if (await Task.WhenAny(continued.Task, timeout) == timeout)
        {
            // Decided here, so a final answer arriving now can no longer call the body off half-sent.
            continued.TrySetResult(true);
        }

        if (!await continued.Task)
        {
            _bodySkipped = true;
            return;
        }

        await SendBodyAsync(length, token);
    }

    private async Task SendBodyAsync(long length, CancellationToken token)
    {
        long offset = 0;
        while (offset < length)
        {
            var phase = (int)(offset % OriginPayload.Period);
            var count = (int)Math.Min(length - offset, 64 * 1024);
            await WriteAsync(Payload.AsMemory(phase, count), token);
            offset += count;
        }

        _bodySent = Stopwatch.GetTimestamp();
    }

    /// <returns>Bytes read (0 when the peer closed), after moving unread bytes to the front when the buffer is full.</returns>
    private async ValueTask<int> ReadMoreAsync(CancellationToken token)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var memory = _buffer.AsMemory(_end);
        var read = _ssl is null
            ? await _socket!.ReceiveAsync(memory, SocketFlags.None, token)
            : await _ssl.ReadAsync(memory, token);
        _lastRead = Stopwatch.GetTimestamp();
        _end += read;
        return read;
    }

    /// <returns>The index of the head's CR LF CR LF; -1 when the connection ended, -2 when the head is too large.</returns>
    private async ValueTask<int> ReadHeadAsync(CancellationToken token)
    {
        var searched = _start;
        while (true)
        {
            var found = _buffer.AsSpan(searched, _end - searched).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                return searched + found;
            }

            if (_end - _start > MaxHeadSize)
            {
                return -2;
            }

            var before = _start;
            searched = Math.Max(_start, _end - 3);
            if (await ReadMoreAsync(token) == 0)
            {
                return -1;
            }

            searched -= before - _start;
        }
    }

    /// <returns>Body bytes, or -1 when the connection ended early.</returns>
    private async ValueTask<long> ReadFixedAsync(long length, CancellationToken token)
    {
        var remaining = length;
        while (true)
        {
            var take = (int)Math.Min(_end - _start, remaining);
            if (take > 0)
            {
                if (_firstByte == 0)
                {
                    _firstByte = _lastRead;
                }

                _start += take;
                remaining -= take;
            }

            if (remaining == 0)
            {
                return length;
            }

            if (await ReadMoreAsync(token) == 0)
            {
                return -1;
            }
        }
    }

    private async ValueTask<long> ReadUntilCloseAsync(CancellationToken token)
    {
        long total = 0;
        while (true)
        {
            var available = _end - _start;
            if (available > 0)
            {
                if (_firstByte == 0)
                {
                    _firstByte = _lastRead;
                }

                total += available;
                _start = _end;
            }

            if (await ReadMoreAsync(token) == 0)
            {
                return total;
            }
        }
    }

    /// <returns>Body bytes on the wire (sizes, data, CR LFs, trailers), -1 when the connection ended, -2 on bad framing.</returns>
    private async ValueTask<long> ReadChunkedAsync(CancellationToken token)
    {
        long total = 0;
        while (true)
        {
            // Size line: hex digits, optional extensions, CR LF.
            var lineEnd = await ReadLineAsync(token);
            if (lineEnd < 0)
            {
                return lineEnd;
            }

            var line = _buffer.AsSpan(_start, lineEnd - _start);
            var semicolon = line.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(semicolon < 0 ? line.TrimEnd((byte)' ') : line[..semicolon].TrimEnd((byte)' '), out long size, out var used, 'x') || used == 0 || size < 0)
            {
                return -2;
            }

            total += lineEnd + 2 - _start;
            _start = lineEnd + 2;
            if (size == 0)
            {
                // Trailers, then the empty line.
                while (true)
                {
                    var end = await ReadLineAsync(token);
                    if (end < 0)
                    {
                        return end;
                    }

                    total += end + 2 - _start;
                    var empty = end == _start;
                    _start = end + 2;
                    if (empty)
                    {
                        return total;
                    }
                }
            }

            var data = await ReadFixedAsync(size + 2, token);
            if (data < 0)
            {
                return data;
            }

            if (_buffer[_start - 2] != (byte)'\r' || _buffer[_start - 1] != (byte)'\n')
            {
                return -2;
            }

            total += data;
        }
    }

    /// <returns>The index of the next CR LF from <see cref="_start"/>; -1 when the connection ended, -2 when the line is too long.</returns>
    private async ValueTask<int> ReadLineAsync(CancellationToken token)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                return _start + found;
            }

            if (_end - _start > 4096)
            {
                return -2;
            }

            if (await ReadMoreAsync(token) == 0)
            {
                return -1;
            }
        }
    }

    private static byte[] CreatePayload()
    {
        // Two periods and a chunk: any offset's next 64 KiB is one contiguous slice.
        var payload = new byte[OriginPayload.Period + (64 * 1024)];
        OriginPayload.Fill(payload, 0);
        return payload;
    }
}
