namespace CorsLab.Components;

/// <summary>A component exited, printed an error or stayed silent before its ready line; the message says which.</summary>
public sealed class ComponentStartException : Exception
{
    public ComponentStartException(string message)
        : base(message)
    {
    }

    public ComponentStartException()
    {
    }

    public ComponentStartException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
