namespace CorsLab.Load.Engine;

/// <summary>Why a request failed. Failures are values: the connection reports the kind, the recorder counts it.</summary>
public enum ErrorKind : byte
{
    None,

    /// <summary>The TCP (or TLS) connection could not be opened.</summary>
    Connect,

    /// <summary>The connection was closed or reset before the response was complete.</summary>
    Reset,

    /// <summary>No complete response within the request timeout.</summary>
    Timeout,

    /// <summary>The response could not be parsed as HTTP/1.1.</summary>
    Protocol,

    /// <summary>A complete response whose status the scenario does not expect, 4xx.</summary>
    Status4xx,

    /// <summary>A complete response whose status the scenario does not expect, 5xx.</summary>
    Status5xx,

    /// <summary>A complete response whose status the scenario does not expect, any other.</summary>
    StatusOther,
}

public static class ErrorKinds
{
    public const int Count = (int)ErrorKind.StatusOther + 1;

    /// <summary>The name in run.json's <c>errors</c> map.</summary>
    public static string Name(ErrorKind kind) => kind switch
    {
        ErrorKind.None => "none",
        ErrorKind.Connect => "connect",
        ErrorKind.Reset => "reset",
        ErrorKind.Timeout => "timeout",
        ErrorKind.Protocol => "protocol",
        ErrorKind.Status4xx => "status-4xx",
        ErrorKind.Status5xx => "status-5xx",
        _ => "status-other",
    };

    public static ErrorKind ForStatus(int status) => status switch
    {
        >= 400 and < 500 => ErrorKind.Status4xx,
        >= 500 and < 600 => ErrorKind.Status5xx,
        _ => ErrorKind.StatusOther,
    };
}
