using System.Text.RegularExpressions;
using System.Xml.Linq;
using CorsLab.Components;

namespace CorsLab.Cli.Tests;

/// <summary>
/// The dependency diagram in README.md ("Layout") is the project graph: every reference a project makes is drawn,
/// every drawn edge is a reference, and test projects keep to the same one-way rules.
/// </summary>
public sealed partial class LayoutTests
{
    private static readonly string Root = RepositoryRoot.Require();

    [Fact]
    public void EveryProjectReference_IsDrawnInTheReadme_AndEveryDrawnEdgeExists()
    {
        var drawn = ReadmeDiagram();
        var actual = Projects().Where(project => !project.IsTest).ToDictionary(project => project.Name, project => project.References);

        Assert.Equal(drawn.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, references) in actual)
        {
            Assert.True(
                drawn[name].SetEquals(references),
                $"{name}: the README draws → {string.Join(", ", drawn[name].Order())} but the .csproj references {string.Join(", ", references.Order())}");
        }
    }

    [Fact]
    public void NothingReferencesTheCli()
    {
        var offenders = Projects().Where(project => project.References.Contains("Cli")).Select(project => project.Name).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void NoProjectUnderProxies_ReferencesLoadtestsDiagnosticsOrCli()
    {
        var offenders = Projects()
            .Where(project => project.Folder == "proxies")
            .SelectMany(project => project.ReferencedFolders.Where(folder => folder is "loadtests" or "diagnostics" or "cli").Select(folder => $"{project.Name} → {folder}/"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Engines_ReferenceCoreOnly()
    {
        foreach (var engine in new[] { "Proxies.HttpClient", "Proxies.Yarp", "Proxies.Pipelines" })
        {
            Assert.Equal(["Proxies.Core"], Projects().Single(project => project.Name == engine).References);
        }
    }

    private static Dictionary<string, HashSet<string>> ReadmeDiagram()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var block = DiagramBlock().Match(readme);
        Assert.True(block.Success, "README.md has no <!-- layout:begin --> … <!-- layout:end --> diagram");
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in block.Groups["body"].Value.Split('\n').Select(line => line.Trim()).Where(line => line.Contains('→', StringComparison.Ordinal)))
        {
            var parts = line.Split('→', 2, StringSplitOptions.TrimEntries);
            var targets = parts[1] == "nothing" ? [] : parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            edges[parts[0]] = targets.ToHashSet(StringComparer.Ordinal);
        }

        return edges;
    }

    private static IEnumerable<Project> Projects()
    {
        foreach (var path in Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            {
                continue;
            }

            var references = XDocument.Load(path).Descendants("ProjectReference")
                .Select(reference => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))))
                .ToList();
            yield return new Project(
                ShortName(path),
                relative.Split(Path.DirectorySeparatorChar)[0],
                references.Select(ShortName).ToHashSet(StringComparer.Ordinal),
                references.Select(reference => Path.GetRelativePath(Root, reference).Split(Path.DirectorySeparatorChar)[0]).ToHashSet(StringComparer.Ordinal));
        }
    }

    private static string ShortName(string csproj) => Path.GetFileNameWithoutExtension(csproj).Replace("CorsLab.", "", StringComparison.Ordinal);

    [GeneratedRegex(@"<!-- layout:begin -->(?<body>.*?)<!-- layout:end -->", RegexOptions.Singleline)]
    private static partial Regex DiagramBlock();

    private sealed record Project(string Name, string Folder, HashSet<string> References, HashSet<string> ReferencedFolders)
    {
        public bool IsTest => Name.EndsWith(".Tests", StringComparison.Ordinal);
    }
}
