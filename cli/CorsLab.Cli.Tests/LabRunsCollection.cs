namespace CorsLab.Cli.Tests;

/// <summary>
/// Tests that run a whole lab or flood an engine (investigate interrupted, a bench rendered in Chromium, the descriptor
/// flood, the browser spec) take both cores for tens of seconds each; run side by side, their bounds measured the other
/// tests' load (an interrupted investigate once missed its 60 s bound that way). One collection runs them one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LabRunsCollection
{
    public const string Name = "lab runs";
}
