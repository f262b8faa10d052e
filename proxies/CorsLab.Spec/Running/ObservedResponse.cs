namespace CorsLab.Spec.Running;

/// <summary>Everything the client saw of one exchange, gathered before any expectation is judged.</summary>
internal sealed class ObservedResponse
{
    /// <summary>The bytes of body kept for text and JSON expectations; payload checks run over the whole stream.</summary>
    public const int KeptBodyBytes = 1024 * 1024;

    public required string CorrelationId { get; init; }

    /// <summary>Null when no response head arrived; <see cref="ConnectionError"/> then says why.</summary>
    public int? Status { get; set; }

    public string? ConnectionError { get; set; }

    /// <summary>Response and content headers, names case-insensitive, repeated fields joined with <c>", "</c>.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public MemoryStream KeptBody { get; } = new();

    public long BodyLength { get; set; }

    /// <summary>The first offset where the body left the origin's payload; null while it matches.</summary>
    public long? PayloadMismatchAt { get; set; }

    /// <summary>Set when reading the body threw: the exception's one-line message.</summary>
    public string? BodyError { get; set; }

    /// <summary>From response head to the body error.</summary>
    public TimeSpan BodyErrorAfter { get; set; }

    public long FirstBodyByteTimestamp { get; set; }

    /// <summary>When the client finished writing the request body (0 when it sent none).</summary>
    public long RequestBodyLastWriteTimestamp { get; set; }

    public string BodyText() => System.Text.Encoding.UTF8.GetString(KeptBody.GetBuffer(), 0, (int)KeptBody.Length);

    public string Summary()
    {
        if (Status is not { } status)
        {
            return $"no response ({ConnectionError})";
        }

        var body = BodyError is null ? $"{BodyLength} B" : $"{BodyLength} B then {BodyError}";
        return $"{status}, body {body}";
    }
}
