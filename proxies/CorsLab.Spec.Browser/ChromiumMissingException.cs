namespace CorsLab.Spec.Browser;

/// <summary>The browser is not installed; the message is one line saying how to install it.</summary>
public sealed class ChromiumMissingException : Exception
{
    public ChromiumMissingException(string executable)
        : base($"chromium is not installed ({executable} not found): run scripts/setup.sh, or apt-get install chromium")
    {
    }

    public ChromiumMissingException()
    {
    }

    public ChromiumMissingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
