using CorsLab.Components;
using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.HttpClient;
using CorsLab.Proxies.Pipelines;
using CorsLab.Proxies.Yarp;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>The fault names, and the table users read in docs/DESIGN.md ("Faults") held against the code.</summary>
public sealed class FaultNamesTests
{
    public static TheoryData<Fault> EverySingleFault => [.. Enum.GetValues<Fault>().Where(f => f != Fault.None)];

    [Theory]
    [MemberData(nameof(EverySingleFault))]
    public void EveryFault_HasANameThatParsesBackToIt(Fault fault)
    {
        var name = FaultNames.NameOf(fault);

        Assert.True(FaultNames.TryParse(name, out var parsed));
        Assert.Equal(fault, parsed);
        Assert.True(FaultNames.TryParse(name.ToUpperInvariant(), out var upper));
        Assert.Equal(fault, upper);
    }

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("Nagle ")]
    [InlineData("buffer_response")]
    [InlineData("bufferresponse")]
    [InlineData("BufferResponse")]
    [InlineData("added-latency=200us")]
    [InlineData("slow")]
    public void UnknownName_DoesNotParse(string name)
    {
        Assert.False(FaultNames.TryParse(name, out var fault));
        Assert.Equal(Fault.None, fault);
    }

    [Fact]
    public void Usages_WriteTheArgumentOfAddedLatency()
    {
        Assert.Contains("added-latency=<duration>", FaultNames.Usages);
        Assert.Contains("nagle", FaultNames.Usages);
        Assert.Equal(FaultNames.All.Count(), FaultNames.Usages.Count());
    }

    [Theory]
    [InlineData(100, "added-latency=100us")]
    [InlineData(2000, "added-latency=2000us")]
    [InlineData(0.5, "added-latency=0.5us")]
    public void AddedLatencyOf_WritesMicroseconds(double micros, string expected) =>
        Assert.Equal(expected, FaultNames.AddedLatencyOf(TimeSpan.FromMicroseconds(micros)));

    [Fact]
    public void NamesOf_ListsSetFlagsInTableOrder() =>
        Assert.Equal(
            ["buffer-response", "nagle", "global-lock"],
            FaultNames.NamesOf(Fault.GlobalLock | Fault.BufferResponse | Fault.Nagle));

    [Fact]
    public void NameOf_NoneOrCombination_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultNames.NameOf(Fault.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultNames.NameOf(Fault.Nagle | Fault.NoPooling));
    }

    [Fact]
    public void DesignTable_ListsEveryFaultInCodeOrder() =>
        Assert.Equal(FaultNames.Usages, DesignTable().Select(row => row.Usage));

    [Theory]
    [InlineData("httpclient")]
    [InlineData("yarp")]
    [InlineData("pipelines")]
    public void DesignTable_ImplementedBy_IsWhatEachEngineSupports(string engineName)
    {
        IProxyEngine engine = engineName switch
        {
            "httpclient" => new HttpClientEngine(),
            "yarp" => new YarpEngine(),
            _ => new PipelinesEngine(),
        };

        Assert.Equal(engineName, engine.Name);
        Assert.Equal(
            FaultNames.UsagesOf(engine.SupportedFaults),
            DesignTable().Where(row => row.Engines.Contains(engineName)).Select(row => row.Usage));
    }

    /// <summary>The rows of the table under "## Faults": the fault as written (first column) and "implemented by" (last).</summary>
    private static IEnumerable<(string Usage, string[] Engines)> DesignTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Require(), "docs", "DESIGN.md"));
        var section = lines.SkipWhile(line => line != "## Faults").Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
        foreach (var line in section.Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            yield return (cells[0].Trim('`'), cells[^1].Split(',', StringSplitOptions.TrimEntries));
        }
    }
}
