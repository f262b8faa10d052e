using CorsLab.Proxies.Core.Faults;
using CorsLab.Proxies.Core.Policy;

namespace CorsLab.Proxies.Core.Tests;

public sealed class ProxyOptionsTests
{
    [Fact]
    public void Defaults_ListenOnLoopbackWithNoFaults()
    {
        var options = new ProxyOptions();

        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Equal(Fault.None, options.Faults);
        Assert.Same(TargetPolicy.Default, options.Policy);
        Assert.Equal(new ProxyLimits(), options.Limits);
        Assert.Null(options.UpstreamCaPath);
    }

    [Fact]
    public void Has_IsTrueOnlyForSetFaults()
    {
        var options = new ProxyOptions { Faults = Fault.Nagle | Fault.NoPooling };

        Assert.True(options.Has(Fault.Nagle));
        Assert.True(options.Has(Fault.NoPooling));
        Assert.True(options.Has(Fault.Nagle | Fault.NoPooling));
        Assert.False(options.Has(Fault.GlobalLock));
        Assert.False(options.Has(Fault.Nagle | Fault.GlobalLock));
    }

    [Fact]
    public void Has_None_IsFalse()
    {
        Assert.False(new ProxyOptions().Has(Fault.None));
        Assert.False(new ProxyOptions { Faults = Fault.Nagle }.Has(Fault.None));
    }
}
