namespace CorsLab.Components;

/// <summary>The checkout a build runs from: the nearest folder above the running assembly that holds CorsLab.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "CorsLab.sln";

    /// <summary>The folder, or null when this build runs outside a checkout.</summary>
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The folder; outside a checkout, an exception naming where it looked.</summary>
    public static string Require() =>
        Find() ?? throw new DirectoryNotFoundException($"no {SolutionFile} above {AppContext.BaseDirectory}");
}
