using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CorsLab.Proxies.Core.Telemetry;

namespace CorsLab.Proxies.Core.Tests.Observability;

/// <summary>
/// The meter factory of one engine run: it records what the instruments of its own meters measure and nothing else,
/// so engines run in parallel in this process never see each other's measurements.
/// </summary>
public sealed class MeterRecorder : IMeterFactory
{
    private readonly ConcurrentDictionary<Meter, byte> _meters = new();
    private readonly ConcurrentQueue<Measured> _measured = new();
    private readonly MeterListener _listener = new();

    public MeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.ContainsKey(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument of the engine's meter (Kestrel's meters come from this factory too).</summary>
    public IReadOnlyList<Measured> Of(string instrument) =>
        [.. _measured.Where(measured => measured.Meter == ProxyMetrics.MeterName && measured.Instrument == instrument)];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters[meter] = 0;
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters.Keys)
        {
            meter.Dispose();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue(new Measured(instrument.Meter.Name, instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
}
