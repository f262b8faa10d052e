using CorsLab.Results;

namespace CorsLab.Reports.Exporters;

/// <summary>Finds one <see cref="CounterSeries"/> of a measurement and sums it up over the measured phase.</summary>
internal static class CounterReading
{
    public static CounterSeries? Find(ScenarioMeasurement measurement, string name, string statistic) =>
        measurement.Counters.FirstOrDefault(series => series.Name == name && series.Statistic == statistic);

    public static double? Mean(ScenarioMeasurement measurement, string name, string statistic) =>
        Find(measurement, name, statistic) is { Points.Count: > 0 } series ? series.Points.Average(point => point.Value) : null;

    public static double? Max(ScenarioMeasurement measurement, string name, string statistic) =>
        Find(measurement, name, statistic) is { Points.Count: > 0 } series ? series.Points.Max(point => point.Value) : null;
}
