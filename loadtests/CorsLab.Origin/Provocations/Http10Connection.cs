using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace CorsLab.Origin.Provocations;

/// <summary>
/// Connection middleware of the plain listener: gives Kestrel an <see cref="Http10PipeWriter"/> in place of the
/// socket's writer, and puts it in the connection's features, where the provocation middleware finds it.
/// </summary>
internal static class Http10Connection
{
    public static ConnectionDelegate Wrap(ConnectionDelegate next) => connection =>
    {
        var writer = new Http10PipeWriter(connection.Transport.Output);
        connection.Transport = new Transport(connection.Transport.Input, writer);
        connection.Features.Set(writer);
        return next(connection);
    };

    private sealed record Transport(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
