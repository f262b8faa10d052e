using CorsLab.Diagnostics.Gate;
using CorsLab.Results;

namespace CorsLab.Diagnostics.Tests.Gate;

public sealed class BenchmarkAllocationsTests
{
    [Fact]
    public void BenchmarkDotNetExport_BytesPerOperationByFullName()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {"Title":"x","Benchmarks":[
              {"FullName":"CorsLab.Benchmarks.ForwardBenchmarks.Forward(Engine: pipelines)","Memory":{"Gen0Collections":1,"BytesAllocatedPerOperation":1744}},
              {"FullName":"CorsLab.Benchmarks.CoreBenchmarks.CorsHeaders","Memory":{"BytesAllocatedPerOperation":0}},
              {"FullName":"NoMemory"}
            ]}
            """);

        var allocations = BenchmarkAllocations.Read(path);

        Assert.Equal(2, allocations.Count);
        Assert.Equal(1744, allocations["CorsLab.Benchmarks.ForwardBenchmarks.Forward(Engine: pipelines)"]);
        Assert.Equal(0, allocations["CorsLab.Benchmarks.CoreBenchmarks.CorsHeaders"]);
    }

    [Fact]
    public void NotAnExport_RunInputException()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"Benchmarks":[]}""");

        Assert.Throws<RunInputException>(() => BenchmarkAllocations.Read(path));
        Assert.Throws<RunInputException>(() => BenchmarkAllocations.Read(path + ".missing"));
    }
}
