namespace CorsLab.Spec;

public enum SpecOutcome
{
    Passed,
    Failed,

    /// <summary>The environment lacks what the case needs (no https origin, no denied target, a template without a <c>url</c> query parameter).</summary>
    Skipped,
}
