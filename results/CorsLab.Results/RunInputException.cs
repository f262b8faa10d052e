namespace CorsLab.Results;

/// <summary>The run folder cannot be read: missing, no run.json, unreadable JSON, or a schema this build does not know.</summary>
public sealed class RunInputException : Exception
{
    public RunInputException(string message)
        : base(message)
    {
    }

    public RunInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RunInputException()
    {
    }
}
