namespace CorsLab.Load.Engine;

/// <summary>
/// The most recent <see cref="Capacity"/> completed requests of a phase, a fixed array of structs: the memory
/// of the join does not grow with the run. The most recent ones, not a uniform sample, because the origin
/// keeps only its latest records too (a ring of 100 000): these are the requests it can still answer for.
/// </summary>
internal sealed class JoinSample(int capacity)
{
    private readonly ClientSample[] _items = new ClientSample[capacity];
    private readonly Lock _lock = new();
    private long _added;

    public int Capacity => _items.Length;

    public void Add(in ClientSample sample)
    {
        lock (_lock)
        {
            _items[(int)(_added % _items.Length)] = sample;
            _added++;
        }
    }

    public ClientSample[] ToArray()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_added, _items.Length);
            var result = new ClientSample[count];
            var first = _added <= _items.Length ? 0 : (int)(_added % _items.Length);
            for (var i = 0; i < count; i++)
            {
                result[i] = _items[(first + i) % _items.Length];
            }

            return result;
        }
    }
}
