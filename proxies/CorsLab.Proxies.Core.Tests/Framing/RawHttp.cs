using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CorsLab.Proxies.Core.Tests.Framing;

/// <summary>
/// Exact bytes to an engine on a fresh connection, one response back, read to the end its framing gives: Content-Length,
/// the last chunk, or the engine's close. Never a quiet window; the timeout only bounds a failing test.
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(20);

    /// <param name="awaitClose">
    /// Then read on until the engine closes the connection (FIN or reset) and keep what came after the response in
    /// <see cref="RawResponse.AfterResponse"/>; a connection left open fails the exchange at the timeout.
    /// </param>
    public static async Task<RawResponse> ExchangeAsync(Uri engine, string request, bool awaitClose = false)
    {
        using var timeout = new CancellationTokenSource(ExchangeTimeout);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(engine.Host, engine.Port, timeout.Token);
        await socket.SendAsync(Encoding.Latin1.GetBytes(request), SocketFlags.None, timeout.Token);

        var reader = new Reader(socket, timeout.Token);
        var head = await reader.ReadUntilAsync("\r\n\r\n") ?? throw new IOException("closed before a response head");
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var response = await ReadBodyAsync(reader, new RawResponse(status, head, ""));
        return awaitClose ? response with { AfterResponse = await reader.ReadToCloseAsync() } : response;
    }

    private static async Task<RawResponse> ReadBodyAsync(Reader reader, RawResponse response)
    {
        if (response.Header("Content-Length") is { } length)
        {
            return response with { Body = await reader.ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture)) };
        }

        if (string.Equals(response.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new StringBuilder();
            while (true)
            {
                var sizeLine = await reader.ReadUntilAsync("\r\n") ?? throw new IOException("closed inside a chunked body");
                var size = int.Parse(sizeLine.AsSpan(0, sizeLine.Length - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    // The engines send no trailers: the empty line after the last chunk ends the response.
                    await reader.ReadUntilAsync("\r\n");
                    return response with { Body = body.ToString() };
                }

                body.Append(await reader.ReadExactlyAsync(size));
                await reader.ReadExactlyAsync(2);
            }
        }

        return response with { Body = await reader.ReadToCloseAsync() };
    }

    /// <summary>Bytes off the socket as Latin-1 text, buffered past what each read asked for.</summary>
    private sealed class Reader(Socket socket, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private string _pending = "";

        /// <returns>Everything up to and including <paramref name="end"/>, or null if the engine closed first.</returns>
        public async Task<string?> ReadUntilAsync(string end)
        {
            while (true)
            {
                var at = _pending.IndexOf(end, StringComparison.Ordinal);
                if (at >= 0)
                {
                    return Take(at + end.Length);
                }

                if (!await FillAsync())
                {
                    return null;
                }
            }
        }

        public async Task<string> ReadExactlyAsync(int count)
        {
            while (_pending.Length < count)
            {
                if (!await FillAsync())
                {
                    throw new IOException($"closed after {_pending.Length} of {count} body bytes");
                }
            }

            return Take(count);
        }

        public async Task<string> ReadToCloseAsync()
        {
            while (await FillAsync())
            {
            }

            return Take(_pending.Length);
        }

        private async Task<bool> FillAsync()
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken);
            }
            catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Kestrel closes with the refused request's body unread, which the kernel turns into a reset.
                return false;
            }

            _pending += Encoding.Latin1.GetString(_buffer, 0, read);
            return read > 0;
        }

        private string Take(int count)
        {
            var taken = _pending[..count];
            _pending = _pending[count..];
            return taken;
        }
    }
}
