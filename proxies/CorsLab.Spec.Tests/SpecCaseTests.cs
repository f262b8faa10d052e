using CorsLab.Proxies.Catalog;

namespace CorsLab.Spec.Tests;

/// <summary>Every spec case against every engine process (and against <c>CORSLAB_TARGET</c> when set).</summary>
public sealed class SpecCaseTests(LabFixture lab) : IClassFixture<LabFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var targets = EngineCatalog.Names.ToList();
        if (LabFixture.ExternalTemplate is not null)
        {
            targets.Add("external");
        }

        var data = new TheoryData<string, string>();
        foreach (var target in targets)
        {
            foreach (var specCase in SpecCatalog.All)
            {
                data.Add(target, specCase.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_Passes(string target, string caseId)
    {
        var specCase = SpecCatalog.All.Single(c => c.Id == caseId);
        var report = await SpecRunner.RunAsync([specCase], lab.EnvironmentFor(target), null, CancellationToken.None);

        var result = Assert.Single(report.Cases);
        // Our engines get every environment a case needs, so nothing may be skipped for them.
        var acceptable = target == "external" ? result.Outcome != SpecOutcome.Failed : result.Outcome == SpecOutcome.Passed;
        Assert.True(acceptable, $"{target} {caseId}: {result.Outcome}: {result.Detail}");
    }

    [Fact]
    public void Catalog_HasAtLeastSixtyUniqueCases()
    {
        Assert.True(SpecCatalog.All.Count >= 60, $"{SpecCatalog.All.Count} cases");
        Assert.Equal(SpecCatalog.All.Count, SpecCatalog.All.Select(c => c.Id).Distinct().Count());
    }
}
