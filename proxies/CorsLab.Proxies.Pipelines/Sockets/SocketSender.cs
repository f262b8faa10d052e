using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks.Sources;

namespace CorsLab.Proxies.Pipelines.Sockets;

/// <summary>
/// One reusable send operation per socket: a single buffer, or several gathered into one <c>sendmsg</c> (Kestrel's
/// <c>SocketSender</c>). Awaiting it allocates nothing; a send that completes at once does not even suspend.
/// The runtime completes a stream socket's send only when every byte is sent, on Linux as on Windows.
/// </summary>
internal sealed class SocketSender : SocketAsyncEventArgs, IValueTaskSource<int>
{
    private readonly List<ArraySegment<byte>> _gathered = new(8);
    // The awaiting code runs on the completing thread, a thread-pool thread (the socket engine queues completions):
    // queueing it once more would cost a hop and a work item per send that had to wait.
    private ManualResetValueTaskSourceCore<int> _completion = new() { RunContinuationsAsynchronously = false };

    public SocketSender()
        : base(unsafeSuppressExecutionContextFlow: true)
    {
    }

    /// <summary>Adds a piece to the next send, in order. Pool memory is array-backed; anything else cannot be gathered.</summary>
    public void Add(ReadOnlyMemory<byte> piece)
    {
        if (!MemoryMarshal.TryGetArray(piece, out var segment))
        {
            throw new InvalidOperationException("only array-backed memory can be gathered into one send");
        }

        _gathered.Add(segment);
    }

    public int PieceCount => _gathered.Count;

    /// <summary>Sends every piece added since the last send; the pieces must stay untouched until it completes.</summary>
    public ValueTask<int> SendAsync(Socket socket)
    {
        if (_gathered.Count == 1)
        {
            BufferList = null;
            var single = _gathered[0];
            SetBuffer(single.Array, single.Offset, single.Count);
        }
        else
        {
            SetBuffer(null, 0, 0);
            BufferList = _gathered;
        }

        _completion.Reset();
        bool pending;
        try
        {
            pending = socket.SendAsync(this);
        }
        catch (ObjectDisposedException)
        {
            // Aborted from another thread: the same failure a send in flight gets from the abort (the socket may be
            // a subclass, whose disposed name no caller would know), and the pieces must not linger into a later send.
            Clear();
            return ValueTask.FromException<int>(new SocketException((int)SocketError.OperationAborted));
        }

        if (pending)
        {
            return new ValueTask<int>(this, _completion.Version);
        }

        Clear();
        return SocketError == SocketError.Success
            ? new ValueTask<int>(BytesTransferred)
            : ValueTask.FromException<int>(new SocketException((int)SocketError));
    }

    int IValueTaskSource<int>.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    protected override void OnCompleted(SocketAsyncEventArgs e)
    {
        Clear();
        if (SocketError == SocketError.Success)
        {
            _completion.SetResult(BytesTransferred);
        }
        else
        {
            _completion.SetException(new SocketException((int)SocketError));
        }
    }

    /// <summary>Drops the references to the sent buffers, which go back to their pool once the send is done.</summary>
    private void Clear()
    {
        _gathered.Clear();
        if (BufferList is not null)
        {
            BufferList = null;
        }
        else
        {
            SetBuffer(null, 0, 0);
        }
    }
}
