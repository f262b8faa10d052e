namespace CorsLab.Fuzz;

/// <summary>A parser broke one of its invariants: reported to afl-fuzz as a crash, like any unexpected exception.</summary>
internal sealed class FuzzFailure(string message) : Exception(message)
{
    public static void Unless(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzFailure(what);
        }
    }
}
