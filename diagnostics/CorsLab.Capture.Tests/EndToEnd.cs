namespace CorsLab.Capture.Tests;

/// <summary>Tests that start processes and load them run one at a time, so each capture sees its own load only.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEnd
{
    public const string Name = "end-to-end";
}
