using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Origin.Tests;

/// <summary>Reads timing records, waiting for them: a record is published a moment after the client saw the response end.</summary>
internal static class Timings
{
    public static async Task<IReadOnlyList<OriginTiming>> WaitForAsync(OriginHost host, IReadOnlyCollection<string> ids)
    {
        using var http = new HttpClient();
        var client = new OriginTimingsClient(http, host.HttpUrl);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await client.GetByIdsAsync(ids);
            if (page.Records.Select(record => record.Id).Distinct().Count() == ids.Count || DateTime.UtcNow > deadline)
            {
                return page.Records;
            }

            await Task.Delay(20);
        }
    }
}
