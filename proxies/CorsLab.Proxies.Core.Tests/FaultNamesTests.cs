using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests;

public sealed class FaultNamesTests
{
    // docs/DESIGN.md "Faults": the command-line name of each fault, in table order.
    public static TheoryData<Fault, string> Table => new()
    {
        { Fault.BufferResponse, "buffer-response" },
        { Fault.BufferRequest, "buffer-request" },
        { Fault.Nagle, "nagle" },
        { Fault.NoPooling, "no-pooling" },
        { Fault.DnsPerRequest, "dns-per-request" },
        { Fault.SyncOverAsync, "sync-over-async" },
        { Fault.AllocPerChunk, "alloc-per-chunk" },
        { Fault.GlobalLock, "global-lock" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryName_ParsesAndRoundTrips(Fault fault, string name)
    {
        Assert.True(FaultNames.TryParse(name, out var parsed));
        Assert.Equal(fault, parsed);
        Assert.Equal(name, FaultNames.NameOf(parsed));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryName_ParsesIgnoringCase(Fault fault, string name)
    {
        Assert.True(FaultNames.TryParse(name.ToUpperInvariant(), out var upper));
        Assert.Equal(fault, upper);
        Assert.True(FaultNames.TryParse(char.ToUpperInvariant(name[0]) + name[1..], out var mixed));
        Assert.Equal(fault, mixed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("Nagle ")]
    [InlineData("buffer_response")]
    [InlineData("bufferresponse")]
    [InlineData("BufferResponse")]
    [InlineData("slow")]
    public void UnknownName_DoesNotParse(string name)
    {
        Assert.False(FaultNames.TryParse(name, out var fault));
        Assert.Equal(Fault.None, fault);
    }

    [Fact]
    public void All_ListsEveryNameInTableOrder() =>
        Assert.Equal(
            ["buffer-response", "buffer-request", "nagle", "no-pooling", "dns-per-request", "sync-over-async", "alloc-per-chunk", "global-lock"],
            FaultNames.All);

    [Fact]
    public void All_CoversEverySingleFlagOfTheEnum()
    {
        var singles = Enum.GetValues<Fault>().Where(f => f != Fault.None).ToArray();

        Assert.Equal(singles.Length, FaultNames.All.Count());
        Assert.All(singles, f => Assert.Contains(FaultNames.NameOf(f), FaultNames.All));
    }

    [Fact]
    public void NamesOf_ListsSetFlagsInTableOrder() =>
        Assert.Equal(
            ["buffer-response", "nagle", "global-lock"],
            FaultNames.NamesOf(Fault.GlobalLock | Fault.BufferResponse | Fault.Nagle));

    [Fact]
    public void NamesOf_EveryFlag_ListsAllInTableOrder()
    {
        var every = Enum.GetValues<Fault>().Aggregate(Fault.None, (all, f) => all | f);

        Assert.Equal(FaultNames.All, FaultNames.NamesOf(every));
    }

    [Fact]
    public void NamesOf_None_IsEmpty() =>
        Assert.Empty(FaultNames.NamesOf(Fault.None));

    [Fact]
    public void NameOf_NoneOrCombination_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultNames.NameOf(Fault.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultNames.NameOf(Fault.Nagle | Fault.NoPooling));
    }
}
