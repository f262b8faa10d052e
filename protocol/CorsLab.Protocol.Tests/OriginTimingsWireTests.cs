using System.Text.Json;
using CorsLab.Protocol.OriginTimings;

namespace CorsLab.Protocol.Tests;

public sealed class OriginTimingsWireTests
{
    private const string V1 = """
        {"schema":"corslab.origin-timings/1","frequency":1000000000,"next":42,"dropped":0,
         "records":[{"seq":41,"id":"abc","connectionId":"0HN1","method":"GET","path":"/bytes/1024","status":200,
           "headIn":123,"requestBodyFirst":null,"requestBodyLast":null,"requestBytes":0,
           "responseStart":130,"responseBodyFirst":131,"responseBodyLast":140,"responseBytes":1024},
          {"seq":42,"id":"def","connectionId":"0HN1","method":"GET","path":"/reset-after/1","status":200,
           "headIn":150,"requestBodyFirst":null,"requestBodyLast":null,"requestBytes":0,
           "responseStart":151,"responseBodyFirst":152,"responseBodyLast":152,"responseBytes":1,"aborted":true}]}
        """;

    [Fact]
    public void V1Document_IsRead()
    {
        var page = JsonSerializer.Deserialize(V1, OriginTimingsJsonContext.Default.OriginTimingsPage)!;

        Assert.Equal(OriginTimingsPage.SchemaV1, page.Schema);
        Assert.Equal(1_000_000_000, page.Frequency);
        Assert.Equal(42, page.Next);
        Assert.Equal(2, page.Records.Count);
        var first = page.Records[0];
        Assert.Equal(new OriginTiming(41, "abc", "0HN1", "GET", "/bytes/1024", 200, 123, null, null, 0, 130, 131, 140, 1024), first);
        Assert.True(page.Records[1].Aborted);
    }

    [Fact]
    public void Written_UsesV1NamesAndOmitsAbortedWhenFalse()
    {
        var page = JsonSerializer.Deserialize(V1, OriginTimingsJsonContext.Default.OriginTimingsPage)!;

        var json = JsonSerializer.Serialize(page, OriginTimingsJsonContext.Default.OriginTimingsPage);

        Assert.StartsWith("""{"schema":"corslab.origin-timings/1","frequency":1000000000,"next":42,"dropped":0,"records":[{"seq":41,"id":"abc","connectionId":"0HN1","method":"GET","path":"/bytes/1024","status":200,"headIn":123,"requestBodyFirst":null,"requestBodyLast":null,"requestBytes":0,"responseStart":130,"responseBodyFirst":131,"responseBodyLast":140,"responseBytes":1024},""", json, StringComparison.Ordinal);
        Assert.Contains("\"responseBytes\":1,\"aborted\":true}", json, StringComparison.Ordinal);
    }
}
