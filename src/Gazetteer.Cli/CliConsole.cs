namespace Gazetteer.Cli;

/// <summary>The streams a command uses: data on <see cref="Out"/>, diagnostics on <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OpenInput">Opens standard input.</param>
/// <param name="IsErrorRedirected">Whether standard error is not a terminal (no progress display then).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<TextReader> OpenInput, bool IsErrorRedirected);

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int NotFound = 1;
    public const int Usage = 2;
    public const int DataError = 3;
    public const int Ambiguous = 4;
}

/// <summary>A mistake of the user's (bad option value, missing file): printed as <c>error: message</c>, no stack trace.</summary>
internal sealed class UserErrorException : Exception
{
    public UserErrorException(string message, int exitCode = ExitCodes.Usage)
        : base(message) => ExitCode = exitCode;

    public UserErrorException()
        : this("invalid usage")
    {
    }

    public UserErrorException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Usage;

    public int ExitCode { get; }
}
