namespace CorsLab.Proxies.Pipelines.Http;

/// <summary>The status lines the engine writes itself (contract answers and rejections), CRLF included.</summary>
internal static class StatusLines
{
    public static ReadOnlySpan<byte> For(int status) => status switch
    {
        100 => "HTTP/1.1 100 Continue\r\n"u8,
        200 => "HTTP/1.1 200 OK\r\n"u8,
        204 => "HTTP/1.1 204 No Content\r\n"u8,
        400 => "HTTP/1.1 400 Bad Request\r\n"u8,
        403 => "HTTP/1.1 403 Forbidden\r\n"u8,
        404 => "HTTP/1.1 404 Not Found\r\n"u8,
        408 => "HTTP/1.1 408 Request Timeout\r\n"u8,
        414 => "HTTP/1.1 414 URI Too Long\r\n"u8,
        431 => "HTTP/1.1 431 Request Header Fields Too Large\r\n"u8,
        501 => "HTTP/1.1 501 Not Implemented\r\n"u8,
        502 => "HTTP/1.1 502 Bad Gateway\r\n"u8,
        504 => "HTTP/1.1 504 Gateway Timeout\r\n"u8,
        _ => "HTTP/1.1 500 Internal Server Error\r\n"u8,
    };
}
