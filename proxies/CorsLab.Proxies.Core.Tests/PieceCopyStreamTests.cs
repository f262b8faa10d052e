using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>The copy loop behind the alloc-per-chunk and global-lock faults of the Kestrel engines.</summary>
public sealed class PieceCopyStreamTests
{
    private const int Piece = 16 * 1024;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Read_PassesEveryByteThrough(bool allocPerChunk, bool globalLock)
    {
        var source = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        using var stream = new PieceCopyStream(new MemoryStream(source), allocPerChunk, globalLock ? new Lock() : null);
        using var copy = new MemoryStream();

        stream.CopyTo(copy, Piece);

        Assert.Equal(source, copy.ToArray());
    }

    [Fact]
    public void AllocPerChunk_AllocatesAFreshArrayForEveryPiece()
    {
        const int Pieces = 32;
        var buffer = new byte[Piece];
        using var reused = new PieceCopyStream(new MemoryStream(new byte[Piece * Pieces]), allocPerChunk: false, globalLock: null);
        using var fresh = new PieceCopyStream(new MemoryStream(new byte[Piece * Pieces]), allocPerChunk: true, globalLock: null);

        var reusedBytes = AllocatedWhileReading(reused, buffer);
        var freshBytes = AllocatedWhileReading(fresh, buffer);

        Assert.True(freshBytes >= Piece * Pieces, $"alloc-per-chunk allocated {freshBytes} B for {Pieces} pieces of {Piece} B");
        Assert.True(reusedBytes < Piece * 2, $"the clean copy allocated {reusedBytes} B for {Pieces} pieces");
    }

    [Fact]
    public async Task GlobalLock_HoldsEveryReadWhileAnotherHolderHasTheLock()
    {
        var gate = new Lock();
        using var stream = new PieceCopyStream(new MemoryStream(new byte[Piece]), allocPerChunk: false, gate);
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            lock (gate)
            {
                held.Set();
                release.Wait();
            }
        });
        holder.Start();
        try
        {
            Assert.True(held.Wait(TimeSpan.FromSeconds(20)), "the holder never took the lock");
            var read = Task.Run(() => stream.Read(new byte[Piece], 0, Piece));

            var first = await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(200)));

            Assert.NotSame(read, first);
            release.Set();
            Assert.Equal(Piece, await read.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        finally
        {
            release.Set();
        }
    }

    private static long AllocatedWhileReading(Stream stream, byte[] buffer)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
