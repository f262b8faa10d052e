namespace CorsLab.Reports.Reading;

/// <summary>The run folder cannot be rendered: missing, no run.json, unreadable JSON, or a schema this renderer does not know.</summary>
public sealed class ReportInputException : Exception
{
    public ReportInputException(string message)
        : base(message)
    {
    }

    public ReportInputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ReportInputException()
    {
    }
}
