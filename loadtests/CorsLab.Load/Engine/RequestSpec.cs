namespace CorsLab.Load.Engine;

/// <summary>
/// One kind of request a load phase sends: HTTP/1.1 to an absolute http(s) URL. A body, when asked for, is
/// <see cref="BodyLength"/> bytes of the origin's payload pattern with a <c>Content-Length</c>, written while
/// the response is read (so full-duplex endpoints such as <c>/echo</c> work).
/// </summary>
public sealed record RequestSpec
{
    private readonly Uri _url = new("http://127.0.0.1/");
    private readonly string _method = "GET";
    private readonly long _bodyLength;

    public required Uri Url
    {
        get => _url;
        init => _url = value is { IsAbsoluteUri: true } && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps)
            ? value
            : throw new ArgumentException($"'{value}' is not an absolute http(s) URL", nameof(Url));
    }

    public string Method
    {
        get => _method;
        init => _method = !string.IsNullOrEmpty(value) && value.All(char.IsAsciiLetterUpper) ? value : throw new ArgumentException($"'{value}' is not a method", nameof(Method));
    }

    /// <summary>Extra request headers (Host, Content-Length and <c>x-corslab-id</c> are written by the client).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public long BodyLength
    {
        get => _bodyLength;
        init => _bodyLength = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(BodyLength), value, "0 or more");
    }

    /// <summary>
    /// How long a client that sent <c>Expect: 100-continue</c> waits for <c>100 Continue</c> before sending the body
    /// anyway: 1 s, SocketsHttpHandler's <c>Expect100ContinueTimeout</c> and curl's default.
    /// </summary>
    public static readonly TimeSpan ExpectContinueTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Send <c>Expect: 100-continue</c> and hold the body until the server's <c>100 Continue</c>, or
    /// <see cref="ExpectContinueTimeout"/>, as a browser-facing HTTP client does with large uploads.
    /// </summary>
    public bool ExpectContinue { get; init; }

    /// <summary>Send <c>Connection: close</c>: one connection per request.</summary>
    public bool ConnectionClose { get; init; }

    /// <summary>Statuses that count as success; empty means any 1xx–3xx.</summary>
    public IReadOnlyList<int> ExpectedStatuses { get; init; } = [];

    public bool IsExpected(int status) => ExpectedStatuses.Count == 0 ? status is >= 100 and < 400 : ExpectedStatuses.Contains(status);
}
