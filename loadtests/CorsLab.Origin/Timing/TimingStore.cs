using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Origin.Timing;

/// <summary>
/// A bounded ring of published timings. Record <c>seq</c> lives in slot <c>(seq - 1) % capacity</c>, so the
/// retained records are always the contiguous range <c>(lastSeq - count, lastSeq]</c> and a cursor query is
/// an index computation. One lock: publication is a few stores, queries copy out under it.
/// </summary>
internal sealed class TimingStore
{
    private readonly Lock _lock = new();
    private readonly OriginTiming?[] _slots;
    private long _lastSeq;
    private long _dropped;

    public TimingStore(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new OriginTiming?[capacity];
    }

    public void Publish(TimingCapture capture, int status, bool aborted)
    {
        lock (_lock)
        {
            var seq = ++_lastSeq;
            var slot = (int)((seq - 1) % _slots.Length);
            if (_slots[slot] is not null)
            {
                _dropped++;
            }

            _slots[slot] = capture.ToTiming(seq, status, aborted);
        }
    }

    /// <summary>Records with seq greater than <paramref name="cursor"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public (List<OriginTiming> Records, long Dropped) ReadSince(long cursor, int limit)
    {
        lock (_lock)
        {
            if (cursor >= _lastSeq)
            {
                return ([], _dropped);
            }

            var oldest = Math.Max(1, _lastSeq - _slots.Length + 1);
            var first = Math.Max(cursor + 1, oldest);
            var count = (int)Math.Clamp(_lastSeq - first + 1, 0, limit);
            var records = new List<OriginTiming>(count);
            for (var seq = first; seq < first + count; seq++)
            {
                records.Add(_slots[(int)((seq - 1) % _slots.Length)]!);
            }

            return (records, _dropped);
        }
    }

    /// <summary>Every retained record whose id is in <paramref name="ids"/>, oldest first.</summary>
    public (List<OriginTiming> Records, long Dropped) ReadIds(HashSet<string> ids)
    {
        var records = new List<OriginTiming>(Math.Min(ids.Count, _slots.Length));
        lock (_lock)
        {
            var oldest = Math.Max(1, _lastSeq - _slots.Length + 1);
            for (var seq = oldest; seq <= _lastSeq; seq++)
            {
                var record = _slots[(int)((seq - 1) % _slots.Length)]!;
                if (ids.Contains(record.Id))
                {
                    records.Add(record);
                }
            }

            return (records, _dropped);
        }
    }
}
