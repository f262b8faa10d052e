using System.Net.Sockets;
using CorsLab.Proxies.Pipelines.Forwarding;

namespace CorsLab.Proxies.Pipelines.Tests;

public sealed class BodyCopierTests
{
    [Fact]
    public void IsIoFailure_DoesNotTakePipeMisuseForIo()
    {
        Assert.False(BodyCopier.IsIoFailure(new InvalidOperationException("Reading is not allowed after reader was completed.")));
        Assert.False(BodyCopier.IsIoFailure(new ObjectDisposedException(typeof(CancellationTokenSource).FullName)));
    }

    [Fact]
    public void IsIoFailure_TakesConnectionFailuresAndTimersForIo()
    {
        Assert.True(BodyCopier.IsIoFailure(new IOException("reset")));
        Assert.True(BodyCopier.IsIoFailure(new SocketException((int)SocketError.ConnectionReset)));
        Assert.True(BodyCopier.IsIoFailure(new OperationCanceledException()));
        Assert.True(BodyCopier.IsIoFailure(new ObjectDisposedException(typeof(NetworkStream).FullName)));
        Assert.True(BodyCopier.IsIoFailure(new ObjectDisposedException(typeof(Socket).FullName)));
    }
}
