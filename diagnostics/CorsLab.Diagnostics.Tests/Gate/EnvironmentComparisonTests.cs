using CorsLab.Diagnostics.Gate;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests.Gate;

public sealed class EnvironmentComparisonTests
{
    private static readonly RunEnvironment Here = new("ci-1", "AMD EPYC", 2, "Linux", ".NET 10.0.12", "abc", "Release");

    [Fact]
    public void AnotherMachineNameAndRevision_NoDifference() =>
        Assert.Empty(EnvironmentComparison.Differences(Here, Here with { Machine = "ci-2", GitRevision = "def" }));

    [Fact]
    public void OtherCpuCoresAndRuntime_EachNamed()
    {
        var differences = EnvironmentComparison.Differences(Here, Here with { CpuModel = "Intel Xeon", Cores = 4, Runtime = ".NET 10.0.13" });

        Assert.Equal(3, differences.Count);
        Assert.Contains("CPU: baseline 'AMD EPYC', now 'Intel Xeon'", differences);
        Assert.Contains("cores: baseline '2', now '4'", differences);
    }
}
