namespace CorsLab.Spec.Cases;

/// <summary>
/// Bodies stream both ways, judged on one clock through the origin's timings: the client's first byte
/// arrives before the origin's last; the origin's first request byte arrives before the client's last.
/// There is no duplex case (response bytes while the request is still being sent): HTTP/1.1 does not
/// require it and SocketsHttpHandler, this runner's client, does not do it (dotnet/corefx#27341).
/// </summary>
internal static class StreamingCases
{
    public static IReadOnlyList<SpecCase> All { get; } =
    [
        new("streaming-drip",
            "a dripped response (10 × 256 B, 100 ms apart) reaches the client before the origin has finished it",
            new SpecRequest { OriginPath = "/drip?chunks=10&size=256&interval_ms=100" },
            [new ExpectStatus(200), new ExpectPayload(2560), new ExpectStreamed()]),

        new("streaming-drip-https",
            "a dripped response streams from the https origin too",
            new SpecRequest { OriginPath = "/drip?chunks=10&size=256&interval_ms=100", Https = true },
            [new ExpectStatus(200), new ExpectPayload(2560), new ExpectStreamed()]),

        new("streaming-sse",
            "server-sent events pass through as they are sent, with their content type",
            new SpecRequest { OriginPath = "/sse?events=5&interval_ms=100", Headers = [new("Accept", "text/event-stream")] },
            [
                new ExpectStatus(200),
                new ExpectHeaderEquals("Content-Type", "text/event-stream"),
                new ExpectBody("data: event 0\n\ndata: event 1\n\ndata: event 2\n\ndata: event 3\n\ndata: event 4\n\n"),
                new ExpectStreamed(),
            ]),

        new("streaming-request-drip",
            "a dripped request body (10 × 16 KB, 100 ms apart) reaches the origin before the client has finished it",
            new SpecRequest { Method = "POST", OriginPath = "/echo", Body = SpecBody.Dripped(10, 16 * 1024, 100) },
            [new ExpectStatus(200), new ExpectPayload(10 * 16 * 1024), new ExpectRequestStreamed()]),

        // Small writes are where a forwarder that never flushes its client's write buffer holds the whole
        // body back: HttpClient keeps a few KB before it writes to the socket.
        new("streaming-request-drip-small",
            "a request body dripped in small pieces (10 × 256 B, 100 ms apart) reaches the origin before the client has finished it",
            new SpecRequest { Method = "POST", OriginPath = "/echo", Body = SpecBody.Dripped(10, 256, 100) },
            [new ExpectStatus(200), new ExpectPayload(2560), new ExpectRequestStreamed()]),
    ];
}
